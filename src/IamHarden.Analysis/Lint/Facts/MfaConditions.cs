using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Facts;

/// <summary>
/// Recognises the MFA conditions of the guide's policy and its variants (spec §7.1): which test a
/// statement makes on aws:MultiFactorAuthPresent.
/// </summary>
public static class MfaConditions
{
    /// <summary>A single Bool/BoolIfExists test of aws:MultiFactorAuthPresent against "false" (no set qualifier).</summary>
    public static bool IsNoMfaTest(Condition condition, bool ifExists) =>
        GlobalKeys.Is(condition.Key.Value, GlobalKeys.MultiFactorAuthPresent)
        && condition.Operator is { Kind: ConditionOperatorKind.Bool, Qualifier: SetQualifier.None } op
        && op.IfExists == ifExists
        && condition.Values.Length > 0
        && condition.Values.All(v => string.Equals(v.Value, "false", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// True when the statement is a Deny that applies to requests without MFA: BoolIfExists (the
    /// recommended form), Bool (the trap) or Null "true" on aws:MultiFactorAuthPresent.
    /// </summary>
    public static bool IsDenyWithoutMfa(StatementFacts statement) =>
        statement.IsDeny && statement.ConditionsOn(GlobalKeys.MultiFactorAuthPresent).Any(c =>
            IsNoMfaTest(c, ifExists: true) || IsNoMfaTest(c, ifExists: false)
            || (c.Operator is { Kind: ConditionOperatorKind.Null, Qualifier: SetQualifier.None }
                && c.Values.All(v => string.Equals(v.Value, "true", StringComparison.OrdinalIgnoreCase))));
}
