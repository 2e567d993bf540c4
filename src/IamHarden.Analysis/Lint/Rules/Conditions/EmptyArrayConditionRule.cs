using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Conditions;

/// <summary>EMPTY_ARRAY_CONDITION: a condition key with an empty list of values.</summary>
public sealed class EmptyArrayConditionRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "EMPTY_ARRAY_CONDITION",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Conditions,
        Title = "A condition key with no values",
        Description = "A key with an empty list [] compares the request against nothing: a positive operator is never true (the statement never applies), a negated one is always true when the key is present, and with IfExists or ForAllValues the condition holds only when the key is absent. For a NotIpAddress Deny that is a lock-out; usually the list was emptied by a template or a script.",
        Fix = "Give the values, or remove the key (and the statement, if it was meant to apply only with them).",
        AccessAnalyzerCode = "EMPTY_ARRAY_CONDITION",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var condition in statement.Statement.Conditions)
            {
                if (!condition.Values.IsEmpty || !condition.ValuesWereArray) continue;
                var op = condition.Operator;
                string effect = op.Qualifier switch
                {
                    SetQualifier.ForAnyValue => "it is never true",
                    SetQualifier.ForAllValues => "it is true only when the key is absent or empty",
                    _ when op.IfExists => "it is true only when the key is absent",
                    _ when op.IsNegated => "it is always true when the key is present",
                    _ => "it is never true, so the statement never applies",
                };
                context.Report(Definition, condition.Key.Span, condition.JsonPath, $"\"{condition.Key.Value}\" has no values under \"{op.Name}\": {effect}");
            }
        }
    }
}
