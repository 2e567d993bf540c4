using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Lint.Facts;

/// <summary>The aws:SourceIp conditions of a statement with their ranges parsed (the parser has already rejected unparsable ones).</summary>
public static class SourceIpConditions
{
    /// <summary>IpAddress/NotIpAddress conditions (with or without IfExists or a qualifier) on aws:SourceIp.</summary>
    public static IEnumerable<Condition> Of(StatementFacts statement) =>
        statement.ConditionsOn(GlobalKeys.SourceIp).Where(c => c.Operator.Family == ConditionFamily.IpAddress);

    /// <summary>Each value with its range; values that do not parse are left out.</summary>
    public static IEnumerable<(LocatedString Value, IpRange Range, int Index)> Ranges(Condition condition)
    {
        for (int i = 0; i < condition.Values.Length; i++)
        {
            if (IpRange.TryParse(condition.Values[i].Value, out var range)) yield return (condition.Values[i], range, i);
        }
    }

    /// <summary>True when the statement exempts calls AWS services make on the user's behalf (spec §8.2).</summary>
    public static bool HasServiceCallGuard(StatementFacts statement) =>
        statement.ConditionsOn(GlobalKeys.ViaAwsService).Any(c =>
            c.Operator is { Kind: ConditionOperatorKind.Bool or ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringEqualsIgnoreCase, Qualifier: SetQualifier.None }
            && c.Values.Length > 0 && c.Values.All(v => string.Equals(v.Value, "false", StringComparison.OrdinalIgnoreCase)))
        || statement.ConditionsOn(GlobalKeys.CalledVia).Any(c =>
            c.Operator.Kind == ConditionOperatorKind.Null && c.Values.All(v => string.Equals(v.Value, "true", StringComparison.OrdinalIgnoreCase)));
}
