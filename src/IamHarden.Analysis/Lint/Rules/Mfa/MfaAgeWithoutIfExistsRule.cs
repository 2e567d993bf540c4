using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Mfa;

/// <summary>MFA_AGE_WITHOUT_IF_EXISTS: a Deny on an old MFA sign-in that requests without MFA escape.</summary>
public sealed class MfaAgeWithoutIfExistsRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "MFA_AGE_WITHOUT_IF_EXISTS",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.MfaTraps,
        Title = "Deny on aws:MultiFactorAuthAge without IfExists lets requests without MFA through",
        Description = "aws:MultiFactorAuthAge is present only when MFA was used. \"NumericGreaterThan\": {\"aws:MultiFactorAuthAge\": \"3600\"} in a Deny therefore denies requests whose MFA is older than an hour, but not requests with no MFA at all (the key is absent and the condition false): the stricter-looking policy is weaker than no age limit plus an MFA requirement.",
        Fix = "Write \"NumericGreaterThanIfExists\", or add a separate Deny with \"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsDeny) continue;
            foreach (var condition in statement.ConditionsOn(GlobalKeys.MultiFactorAuthAge))
            {
                if (condition.Operator is not { Family: ConditionFamily.Numeric, IfExists: false, IsNegated: false, Qualifier: SetQualifier.None } op) continue;
                if (op.Kind is not (ConditionOperatorKind.NumericGreaterThan or ConditionOperatorKind.NumericGreaterThanEquals)) continue;
                context.Report(Definition, condition.OperatorSpan, condition.JsonPath,
                    $"\"{op.Name}\" is false when aws:MultiFactorAuthAge is absent, so this Deny does not apply to requests made without MFA at all",
                    $"write \"{op.Name}IfExists\"");
            }
        }
    }
}
