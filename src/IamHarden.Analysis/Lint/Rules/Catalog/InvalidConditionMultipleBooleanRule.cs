using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>INVALID_CONDITION_MULTIPLE_BOOLEAN: Bool with several values.</summary>
public sealed class InvalidConditionMultipleBooleanRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "INVALID_CONDITION_MULTIPLE_BOOLEAN",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Catalog,
        Title = "Bool with more than one value",
        Description = "A Bool condition compares a key with true or false. Listing both (or one twice) makes the condition say nothing, or something other than what was meant: [\"true\", \"false\"] is true whenever the key is present.",
        Fix = "Give one value: \"true\" or \"false\".",
        AccessAnalyzerCode = "INVALID_CONDITION_MULTIPLE_BOOLEAN",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var condition in statement.Statement.Conditions)
            {
                if (condition.Operator.Family != ConditionFamily.Bool || condition.Values.Length < 2) continue;
                context.Report(Definition, condition.Key.Span, condition.JsonPath,
                    $"\"{condition.Key.Value}\" has {condition.Values.Length} Bool values ({string.Join(", ", condition.Values.Select(v => v.Value))}); a Bool condition takes one");
            }
        }
    }
}
