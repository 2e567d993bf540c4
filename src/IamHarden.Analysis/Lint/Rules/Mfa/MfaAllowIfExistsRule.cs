using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Mfa;

/// <summary>MFA_ALLOW_IF_EXISTS: an Allow conditioned on BoolIfExists MFA "true", which also allows access keys without MFA.</summary>
public sealed class MfaAllowIfExistsRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "MFA_ALLOW_IF_EXISTS",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.MfaTraps,
        Title = "Allow with BoolIfExists MFA \"true\" also allows access keys without MFA",
        Description = "\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"true\"} in an Allow (what the console's visual editor writes for \"MFA required\") is true for MFA sessions and also whenever the key is absent, that is for every request signed with long-term access keys. The Allow therefore does not require MFA from API users at all.",
        Fix = "Write \"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"} so only MFA-authenticated requests are allowed (API users then call sts:GetSessionToken with their MFA code), or enforce MFA with the guide's Deny policy.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsAllow) continue;
            foreach (var condition in statement.ConditionsOn(GlobalKeys.MultiFactorAuthPresent))
            {
                if (condition.Operator is not { Kind: ConditionOperatorKind.Bool, IfExists: true, Qualifier: SetQualifier.None }) continue;
                if (!condition.Values.All(v => string.Equals(v.Value, "true", StringComparison.OrdinalIgnoreCase))) continue;
                context.Report(Definition, condition.OperatorSpan, condition.JsonPath,
                    "\"BoolIfExists\" is also true when aws:MultiFactorAuthPresent is absent, so this Allow applies to every request signed with long-term access keys, without MFA",
                    "write \"Bool\" instead of \"BoolIfExists\"");
            }
        }
    }
}
