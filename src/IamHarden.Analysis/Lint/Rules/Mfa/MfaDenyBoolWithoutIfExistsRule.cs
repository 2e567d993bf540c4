using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Mfa;

/// <summary>MFA_DENY_BOOL_WITHOUT_IF_EXISTS: an MFA Deny written with Bool, which long-term access keys bypass.</summary>
public sealed class MfaDenyBoolWithoutIfExistsRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "MFA_DENY_BOOL_WITHOUT_IF_EXISTS",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.MfaTraps,
        Title = "MFA Deny uses Bool instead of BoolIfExists: access keys bypass it",
        Description = "aws:MultiFactorAuthPresent is present only in requests signed with temporary credentials (console sessions, GetSessionToken, AssumeRole). Requests signed with a user's long-term access keys do not carry it at all. \"Bool\": {\"aws:MultiFactorAuthPresent\": \"false\"} is false when the key is absent, so the Deny does not apply to access-key calls: whoever holds a leaked key keeps full access without MFA. BoolIfExists treats the absent key as a match, so it denies both MFA-less sessions and access-key calls; programmatic users then call sts:GetSessionToken with their MFA code.",
        Fix = "Write \"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsDeny) continue;
            foreach (var condition in statement.ConditionsOn(GlobalKeys.MultiFactorAuthPresent))
            {
                if (!MfaConditions.IsNoMfaTest(condition, ifExists: false)) continue;
                context.Report(Definition, condition.OperatorSpan, condition.JsonPath,
                    "this Deny uses \"Bool\" on aws:MultiFactorAuthPresent, which is absent from requests signed with long-term access keys: those requests are not denied, so an access key works without MFA",
                    "write \"BoolIfExists\" instead of \"Bool\"");
            }
        }
    }
}
