namespace IamHarden.Core.Evaluation;

/// <summary>
/// One request to decide: who (principal), what (action, e.g. "s3:GetObject"), on which resource
/// (an ARN, or "*" for actions without resource-level permissions) and with which context keys.
/// <see cref="ResourceAccount"/> makes the request cross-account when it differs from the
/// principal's account; when null the resource is taken to be in the principal's account, as
/// AWS's policy simulator does by default.
/// </summary>
public sealed record AuthorizationRequest(PrincipalIdentity Principal, string Action, string Resource, RequestContext Context)
{
    public string? ResourceAccount { get; init; }

    public bool IsCrossAccount => ResourceAccount is { } account && account != Principal.AccountId;

    /// <summary>
    /// Why the text cannot be a request's action, or null when it can: one concrete
    /// "service:Operation" (no wildcards, as AWS's simulator requires). Unknown operation names
    /// are accepted: they simply match only the policy patterns that cover them.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> NotInAnAction = System.Buffers.SearchValues.Create("*? \t\r\n");

    public static string? ActionProblem(string action)
    {
        int colon = action.IndexOf(':');
        if (colon <= 0 || colon == action.Length - 1 || action.IndexOf(':', colon + 1) >= 0
            || action.AsSpan().IndexOfAny(NotInAnAction) >= 0)
            return $"the action \"{action}\" is not one action; expected service:Operation, e.g. s3:GetObject (no wildcards)";
        return null;
    }

    /// <summary>Why the text cannot be a request's resource, or null: "*" or an ARN with its six components.</summary>
    public static string? ResourceProblem(string resource)
    {
        if (resource != "*" && (!resource.StartsWith("arn:", StringComparison.Ordinal) || resource.AsSpan().Count(':') < 5))
            return $"the resource \"{resource}\" is not an ARN; expected \"*\" or arn:partition:service:region:account:resource, e.g. arn:aws:s3:::bucket/key";
        return null;
    }

    /// <summary>The service prefix of the action ("s3" for "s3:GetObject").</summary>
    public string Service => Action.IndexOf(':') is var i and > 0 ? Action[..i] : Action;
}
