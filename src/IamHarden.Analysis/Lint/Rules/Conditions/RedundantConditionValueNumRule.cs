using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Lint.Rules.Conditions;

/// <summary>REDUNDANT_CONDITION_VALUE_NUM: several values for a numeric less-than or greater-than comparison, where only the widest counts.</summary>
public sealed class RedundantConditionValueNumRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "REDUNDANT_CONDITION_VALUE_NUM",
        Severity = DiagnosticSeverity.Suggestion,
        Category = LintCategory.Conditions,
        Title = "Several values for a numeric comparison where only one counts",
        Description = "The values of one condition key are alternatives: the condition is true when any of them matches. For NumericLessThan(Equals) only the greatest value matters, for NumericGreaterThan(Equals) only the least; the others change nothing. \"NumericLessThan\": {\"aws:MultiFactorAuthAge\": [\"2700\", \"3600\"]} allows MFA up to an hour old, not 45 minutes.",
        Fix = "Keep the one value that counts, and check it is the limit you meant.",
        AccessAnalyzerCode = "REDUNDANT_CONDITION_VALUE_NUM",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var condition in statement.Statement.Conditions)
            {
                bool? greatestCounts = condition.Operator.Kind switch
                {
                    ConditionOperatorKind.NumericLessThan or ConditionOperatorKind.NumericLessThanEquals => true,
                    ConditionOperatorKind.NumericGreaterThan or ConditionOperatorKind.NumericGreaterThanEquals => false,
                    _ => null,
                };
                if (greatestCounts is null || condition.Values.Length < 2 || condition.Operator.Qualifier != SetQualifier.None) continue;
                var numbers = new List<(LocatedString Value, decimal Number)>();
                foreach (var value in condition.Values)
                    if (AwsNumber.TryParse(value.Value, out var number)) numbers.Add((value, number));
                // A value that is not a number is INVALID_CONDITION_VALUE's business.
                if (numbers.Count != condition.Values.Length) continue;
                var counts = greatestCounts.Value ? numbers.MaxBy(n => n.Number) : numbers.MinBy(n => n.Number);
                var others = numbers.Where(n => n.Value.Span.Offset != counts.Value.Span.Offset).Select(n => $"\"{n.Value.Value}\"").ToList();
                context.Report(Definition, condition.Key.Span, condition.JsonPath,
                    $"\"{condition.Operator.Name}\" is true when any value matches, so only \"{counts.Value.Value}\" counts ({(greatestCounts.Value ? "the greatest" : "the least")}); {string.Join(", ", others)} {(others.Count == 1 ? "changes" : "change")} nothing",
                    $"keep only \"{counts.Value.Value}\", if that is the limit you meant");
            }
        }
    }
}
