using System.Collections.Immutable;

namespace IamHarden.Core.Evaluation;

/// <summary>
/// A decision with its reasons, as AWS's simulator gives them: the statements that decided it
/// (only the Deny statements when something denies; the applicable Allows otherwise), which Allow
/// was missing for an implicit deny, and the context keys the policies read that the request did
/// not carry (MissingContextValues).
/// </summary>
public sealed record EvaluationResult(
    Decision Decision,
    ImplicitDenyReason ImplicitDenyReason,
    ImmutableArray<MatchedStatement> MatchedStatements,
    ImmutableArray<string> MissingContextKeys,
    string? Error = null)
{
    public static EvaluationResult Failed(string error) => new(Decision.Error, ImplicitDenyReason.None, [], [], error);

    /// <summary>One sentence saying why, for people.</summary>
    public string Explain() => Decision switch
    {
        Decision.ExplicitDeny => "explicitly denied by " + string.Join("; ", MatchedStatements),
        Decision.Allowed => "allowed by " + string.Join("; ", MatchedStatements),
        Decision.ImplicitDeny => ImplicitDenyReason switch
        {
            ImplicitDenyReason.NotAllowedByPermissionsBoundary => "implicitly denied: the permissions boundary does not allow it",
            ImplicitDenyReason.NotAllowedByServiceControlPolicy => "implicitly denied: a service control policy level has no Allow for it",
            ImplicitDenyReason.NotAllowedBySessionPolicy => "implicitly denied: the session policy does not allow it",
            ImplicitDenyReason.NotAllowedByResourcePolicy => "implicitly denied: cross-account request and the resource's policy does not allow this principal",
            _ => "implicitly denied: no policy allows it",
        },
        _ => "error: " + Error,
    };
}
