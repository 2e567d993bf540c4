namespace IamHarden.Core.Evaluation;

/// <summary>
/// The outcome for one request, in the words of AWS's policy simulator (EvalDecision), plus
/// <see cref="Error"/> when the request or a policy could not be evaluated at all.
/// </summary>
public enum Decision
{
    /// <summary>An applicable Allow and every required Allow were found, and no Deny statement applied.</summary>
    Allowed,
    /// <summary>A Deny statement in some applicable policy matched the request.</summary>
    ExplicitDeny,
    /// <summary>No Deny statement matched, but a required Allow is missing.</summary>
    ImplicitDeny,
    /// <summary>Not an AWS decision: the input could not be evaluated (malformed policy or unusable context value).</summary>
    Error,
}

public static class DecisionExtensions
{
    /// <summary>AWS's spelling: allowed, explicitDeny, implicitDeny (and error).</summary>
    public static string AwsName(this Decision decision) => decision switch
    {
        Decision.Allowed => "allowed",
        Decision.ExplicitDeny => "explicitDeny",
        Decision.ImplicitDeny => "implicitDeny",
        _ => "error",
    };

    public static bool IsDenied(this Decision decision) => decision is Decision.ExplicitDeny or Decision.ImplicitDeny;
}
