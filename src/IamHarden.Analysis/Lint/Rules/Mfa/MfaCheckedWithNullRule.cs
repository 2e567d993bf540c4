using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Mfa;

/// <summary>MFA_CHECKED_WITH_NULL: Null on aws:MultiFactorAuthPresent, which tests the kind of credentials, not MFA.</summary>
public sealed class MfaCheckedWithNullRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "MFA_CHECKED_WITH_NULL",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.MfaTraps,
        Title = "Null on aws:MultiFactorAuthPresent tests the credential type, not MFA",
        Description = "aws:MultiFactorAuthPresent is present (\"true\" or \"false\") in every request signed with temporary credentials and absent with long-term access keys. Null therefore asks \"temporary credentials or not\", not \"MFA or not\": a Deny with Null \"true\" blocks only access keys and lets console sessions without MFA through; an Allow with Null \"false\" allows every temporary-credential request, MFA or not. AWS warns against both.",
        Fix = "Deny with \"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}, or allow with \"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var condition in statement.ConditionsOn(GlobalKeys.MultiFactorAuthPresent))
            {
                if (condition.Operator.Kind != ConditionOperatorKind.Null || condition.Values.Length != 1) continue;
                bool absent = string.Equals(condition.Values[0].Value, "true", StringComparison.OrdinalIgnoreCase);
                string message = (statement.IsDeny, absent) switch
                {
                    (true, true) => "this Deny applies only to requests signed with long-term access keys (where the key is absent); console and other temporary sessions without MFA are not denied",
                    (true, false) => "this Deny applies to every request made with temporary credentials, with or without MFA, and to no access-key request",
                    (false, false) => "this Allow applies to every request made with temporary credentials, whether or not MFA was used",
                    (false, true) => "this Allow applies only to requests signed with long-term access keys, which never carry MFA",
                };
                context.Report(Definition, condition.OperatorSpan, condition.JsonPath, message,
                    statement.IsDeny ? "write \"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}" : "write \"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}");
            }
        }
    }
}
