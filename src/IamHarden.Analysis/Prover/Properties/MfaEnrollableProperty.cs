using IamHarden.Analysis.Guardrails;
using IamHarden.Analysis.Prover.Encoding;
using IamHarden.Core.Catalog;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Prover.Properties;

/// <summary>
/// mfa-enrollable: a user without MFA can perform each enrolment action on their own user, their
/// own virtual MFA device (named after the user) or "*" (actions without resource-level
/// permissions) — whatever the other context keys hold, so no first sign-in ends in a lockout.
/// With must-reset-password the actions to change a password at first sign-in are included.
/// sts:GetSessionToken needs no permission at all (AWS), so it is never checked.
/// </summary>
public sealed class MfaEnrollableProperty : VerificationProperty
{
    /// <summary>Where an enrolment action acts.</summary>
    public enum Target { OwnUser, OwnMfaDevice, NoResource }

    public MfaEnrollableProperty(IReadOnlyList<string>? actions = null, bool mustResetPassword = false)
    {
        IsDefaultSet = actions is null;
        MustResetPassword = mustResetPassword;
        var list = (actions ?? EnrollmentActions.Guide).Concat(mustResetPassword ? EnrollmentActions.PasswordReset : [])
            .Where(a => !a.Equals("sts:GetSessionToken", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Actions = list.Select(a => (ActionCatalog.Default.FindAction(a)?.FullName ?? throw new ArgumentException($"\"{a}\" is not an action of the catalog"), TargetOf(a))).ToList();
    }

    /// <summary>The actions checked and where each acts.</summary>
    public IReadOnlyList<(string Action, Target Target)> Actions { get; }

    public bool IsDefaultSet { get; }

    public bool MustResetPassword { get; }

    public override string Text => IsDefaultSet ? "mfa-enrollable" : "mfa-enrollable=" + string.Join(',', Actions.Where(a => !MustResetPassword || !EnrollmentActions.PasswordReset.Contains(a.Action)).Select(a => a.Action));

    public override string Description =>
        "a user without MFA can " + (MustResetPassword ? "change the password it must reset at first sign-in and " : "") +
        "enrol an MFA device (" + string.Join(", ", Actions.Select(a => a.Action)) + " on the user's own user and MFA device), whatever else the request carries";

    public override IReadOnlyList<string> Keys => [RequestFacts.Mfa];

    /// <summary>Where <paramref name="action"/> acts; throws <see cref="ArgumentException"/> for actions on anything else.</summary>
    public static Target TargetOf(string action)
    {
        var definition = ActionCatalog.Default.FindAction(action) ?? throw new ArgumentException($"\"{action}\" is not an action of the catalog");
        if (definition.IsWildcardOnly) return Target.NoResource;
        var types = definition.ResourceTypes.Select(t => t.Name).ToList();
        if (types.Contains("user", StringComparer.OrdinalIgnoreCase)) return Target.OwnUser;
        if (types.Contains("mfa", StringComparer.OrdinalIgnoreCase)) return Target.OwnMfaDevice;
        throw new ArgumentException($"\"{definition.FullName}\" acts on {string.Join(", ", types)}, not on the user's own user or MFA device");
    }

    internal override void Require(ContextVocabulary.Builder vocabulary) => vocabulary.Require(RequestFacts.Mfa, ConditionFamily.Bool);

    internal override IReadOnlyList<string>? ExactActions => Actions.Select(a => a.Action).ToList();

    internal override string Violation(Query query)
    {
        var request = query.Request;
        var own = Smt.Smt.Or(Actions.Select(a =>
        {
            var index = query.Actions.IndexOf(a.Action)!.Value;
            var principal = query.Principal.Principal;
            var literal = a.Target switch
            {
                Target.OwnUser => principal.Arn,
                Target.OwnMfaDevice => principal.Name is { } name ? $"arn:aws:iam::{principal.Account}:mfa/{name}" : null,
                _ => "*",
            };
            var resource = literal is not null ? request.ResourceIs(literal)
                : Smt.Smt.Eq(request.Resource.Term(), a.Target == Target.OwnUser ? query.Principal.Arn : query.Principal.OwnMfaDevice);
            return Smt.Smt.And(Smt.Smt.Eq(request.Action, Smt.Smt.Int(index)), resource);
        }));
        return Smt.Smt.And(own, PropertyTerms.NoMfa(request), Smt.Smt.Not(query.Decision.Allowed));
    }

    internal override IReadOnlyList<string> Preferences(Query query) =>
        [.. CounterexamplePreferences.For(query).Where(p => p != query.Request.ResourceIsStar)];

    public override bool IsViolatedBy(AuthorizationRequest request, Decision decision)
    {
        if (decision == Decision.Allowed || decision == Decision.Error || !PropertyTerms.NoMfa(request)) return false;
        var entry = Actions.FirstOrDefault(a => a.Action.Equals(request.Action, StringComparison.OrdinalIgnoreCase));
        if (entry.Action is null) return false;
        var principal = request.Principal;
        var expected = entry.Target switch
        {
            Target.OwnUser => principal.Arn,
            Target.OwnMfaDevice => $"arn:aws:iam::{principal.AccountId}:mfa/{principal.Name}",
            _ => "*",
        };
        return request.Resource == expected;
    }
}
