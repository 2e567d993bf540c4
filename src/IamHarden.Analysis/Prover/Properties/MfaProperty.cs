using IamHarden.Analysis.Guardrails;
using IamHarden.Analysis.Prover.Encoding;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Matching;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Prover.Properties;

/// <summary>
/// mfa[=ACTION,...]: every request for an action outside the enrolment set, made without MFA
/// (aws:MultiFactorAuthPresent "false" or absent), is denied — for any resource and any value of
/// every other context key. The default enrolment set is the one the recommended Force_MFA exempts.
/// </summary>
public sealed class MfaProperty : VerificationProperty
{
    private readonly WildcardPattern[] _exempt;

    public MfaProperty(IReadOnlyList<string>? exemptActions = null)
    {
        ExemptActions = exemptActions ?? EnrollmentActions.Recommended;
        IsDefaultSet = exemptActions is null;
        _exempt = ExemptActions.Select(a => WildcardPattern.Glob(a, ignoreCase: true)).ToArray();
    }

    /// <summary>Action patterns that may be allowed without MFA.</summary>
    public IReadOnlyList<string> ExemptActions { get; }

    public bool IsDefaultSet { get; }

    /// <summary>Which requests without MFA are meant (the audit asks about each kind of credential on its own).</summary>
    internal WithoutMfa Credentials { get; init; } = WithoutMfa.SessionOrAccessKeys;

    public override string Text => IsDefaultSet ? "mfa" : "mfa=" + string.Join(',', ExemptActions);

    public override string Description =>
        $"every request without MFA (aws:MultiFactorAuthPresent \"false\" or absent) is denied, except for {(IsDefaultSet ? "the MFA enrolment actions" : string.Join(", ", ExemptActions))}";

    public override IReadOnlyList<string> Keys => [RequestFacts.Mfa];

    internal override void Require(ContextVocabulary.Builder vocabulary) => vocabulary.Require(RequestFacts.Mfa, ConditionFamily.Bool);

    internal override string Violation(Query query)
    {
        var request = query.Request;
        var key = request.Key(RequestFacts.Mfa)!;
        var mfa = Credentials switch
        {
            WithoutMfa.AccessKeys => Smt.Smt.Not(key.Present),
            WithoutMfa.Session => Smt.Smt.And(key.Present, PropertyTerms.NoMfa(request)),
            _ => PropertyTerms.NoMfa(request),
        };
        return Smt.Smt.And(Smt.Smt.Not(query.Statements.ActionMatches(ExemptActions, request)), mfa, query.Decision.Allowed);
    }

    public override bool IsViolatedBy(AuthorizationRequest request, Decision decision) =>
        decision == Decision.Allowed && PropertyTerms.NoMfa(request) && !_exempt.Any(p => p.IsMatch(request.Action))
        && Credentials switch
        {
            WithoutMfa.AccessKeys => !request.Context.Contains(RequestFacts.Mfa),
            WithoutMfa.Session => request.Context.Contains(RequestFacts.Mfa),
            _ => true,
        };
}
