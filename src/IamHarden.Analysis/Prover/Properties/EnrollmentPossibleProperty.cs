using IamHarden.Analysis.Prover.Encoding;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Prover.Properties;

/// <summary>
/// The audit's lockout question turned around: "the user can never perform this enrolment action
/// on its own user or device in a console session without MFA (aws:MultiFactorAuthPresent "false")".
/// Refuted means some request does it; proved means it is denied in every context — a lockout.
/// </summary>
internal sealed class EnrollmentPossibleProperty(string action, MfaEnrollableProperty.Target target) : VerificationProperty
{
    public string Action { get; } = action;

    public override string Text => "enrollment-impossible=" + Action;

    public override string Description => $"{Action} on the user's own {target} is denied in every console session without MFA";

    public override IReadOnlyList<string> Keys => [RequestFacts.Mfa];

    internal override void Require(ContextVocabulary.Builder vocabulary) => vocabulary.Require(RequestFacts.Mfa, ConditionFamily.Bool);

    internal override IReadOnlyList<string>? ExactActions => [Action];

    internal override string Violation(Query query)
    {
        var request = query.Request;
        var mfa = request.Key(RequestFacts.Mfa)!;
        return Smt.Smt.And(Smt.Smt.Eq(request.Action, Smt.Smt.Int(query.Actions.IndexOf(Action)!.Value)),
            request.ResourceIs(OwnResource(query.Principal.Principal.Arn!, query.Principal.Principal.Account, query.Principal.Principal.Name!)),
            mfa.Present, Smt.Smt.Not(mfa.Single.AsBool()), query.Decision.Allowed);
    }

    /// <summary>The request that shows the lockout (the action on the user's own resource, without MFA).</summary>
    public AuthorizationRequest Example(PrincipalIdentity principal, string userName) =>
        new(principal, Action, OwnResource(principal.Arn, principal.AccountId, userName), new RequestContext()
            .Set(RequestFacts.Mfa, "false").Set("aws:username", userName).Set("aws:PrincipalArn", principal.Arn).Set("aws:ViaAWSService", "false"));

    public override bool IsViolatedBy(AuthorizationRequest request, Decision decision) =>
        decision == Decision.Allowed && request.Action.Equals(Action, StringComparison.OrdinalIgnoreCase)
        && request.Context.Find(RequestFacts.Mfa) is { IsList: false } v && v[0] == "false";

    private string OwnResource(string userArn, string account, string name) => target switch
    {
        MfaEnrollableProperty.Target.OwnUser => userArn,
        MfaEnrollableProperty.Target.OwnMfaDevice => $"arn:aws:iam::{account}:mfa/{name}",
        _ => "*",
    };
}
