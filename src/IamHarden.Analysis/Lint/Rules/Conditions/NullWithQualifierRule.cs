using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Conditions;

/// <summary>NULL_WITH_QUALIFIER: ForAllValues:Null or ForAnyValue:Null.</summary>
public sealed class NullWithQualifierRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "NULL_WITH_QUALIFIER",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Conditions,
        Title = "Null with ForAllValues or ForAnyValue",
        Description = "Null tests whether a key is present; a set qualifier in front of it makes the test meaningless (AWS: ForAllValues:Null is always true, ForAnyValue:Null always false).",
        Fix = "Write Null without a qualifier.",
        AccessAnalyzerCode = "NULL_WITH_QUALIFIER",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var condition in statement.Statement.Conditions)
            {
                if (condition.Operator is not { Kind: ConditionOperatorKind.Null } op || op.Qualifier == SetQualifier.None) continue;
                context.Report(Definition, condition.OperatorSpan, condition.JsonPath,
                    $"\"{op.Name}\" does not test whether \"{condition.Key.Value}\" is present; a qualifier makes Null meaningless", "write \"Null\"");
            }
        }
    }
}
