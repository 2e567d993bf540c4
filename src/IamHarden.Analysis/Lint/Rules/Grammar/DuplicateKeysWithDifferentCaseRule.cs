using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>DUPLICATE_KEYS_WITH_DIFFERENT_CASE: one condition key twice under one operator, spelt with different case.</summary>
public sealed class DuplicateKeysWithDifferentCaseRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "DUPLICATE_KEYS_WITH_DIFFERENT_CASE",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "The same condition key twice under one operator, in different case",
        Description = "Condition key names are case-insensitive, so \"aws:SourceIp\" and \"aws:sourceip\" under one operator are the same key written twice. JSON sees two different members, AWS sees a duplicate: which values apply is not what the author can tell from the text.",
        Fix = "Write the key once and put all its values in one array.",
        AccessAnalyzerCode = "DUPLICATE_KEYS_WITH_DIFFERENT_CASE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (statement.Statement.Conditions.Length < 2) continue;
            // Conditions of one operator object share the operator's position.
            foreach (var block in statement.Statement.Conditions.GroupBy(c => c.OperatorSpan.Offset))
            {
                var seen = new Dictionary<string, Condition>(StringComparer.OrdinalIgnoreCase);
                foreach (var condition in block)
                {
                    if (seen.TryGetValue(condition.Key.Value, out var first))
                    {
                        if (first.Key.Value != condition.Key.Value)
                            context.Report(Definition, condition.Key.Span, condition.JsonPath,
                                $"\"{condition.Key.Value}\" is the same key as \"{first.Key.Value}\" (at {first.Key.Span}) under \"{condition.Operator.Name}\"; condition keys are case-insensitive",
                                "merge the two into one key with all the values");
                    }
                    else seen.Add(condition.Key.Value, condition);
                }
            }
        }
    }
}
