using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Replay;

/// <summary>One past call decided against the proposed policies.</summary>
public sealed record ReplayedEvent(CloudTrailRecord Record, AuthorizationRequest Request, EvaluationResult Result, bool ResourceKnown, IReadOnlyList<ProposedPolicy> Applied)
{
    /// <summary>True when the proposed policies would have refused a call that was made.</summary>
    public bool WouldBeDenied => Result.Decision != Decision.Allowed;

    /// <summary>What refused it, for grouping: "Force_MFA/DenyAllExceptListedIfNoMFA", or the implicit-deny reason.</summary>
    public string DecidedBy => Result.Decision switch
    {
        Decision.ExplicitDeny => string.Join(" + ", Result.MatchedStatements.Select(s => s.Sid is { Length: > 0 } sid ? $"{s.PolicyName}/{sid}" : $"{s.PolicyName}#{s.StatementIndex}").Distinct()),
        Decision.ImplicitDeny => Result.ImplicitDenyReason switch
        {
            ImplicitDenyReason.NotAllowedByPermissionsBoundary => "the permissions boundary does not allow it",
            ImplicitDenyReason.NotAllowedByServiceControlPolicy => "the SCP does not allow it",
            _ => "no policy allows it",
        },
        Decision.Error => "error: " + Result.Error,
        _ => "",
    };
}
