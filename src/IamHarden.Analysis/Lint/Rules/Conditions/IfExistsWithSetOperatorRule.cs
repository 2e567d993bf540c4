using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Conditions;

/// <summary>IF_EXISTS_WITH_SET_OPERATOR: ForAnyValue:/ForAllValues: combined with ...IfExists.</summary>
public sealed class IfExistsWithSetOperatorRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "IF_EXISTS_WITH_SET_OPERATOR",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Conditions,
        Title = "IfExists combined with ForAnyValue or ForAllValues",
        Description = "IfExists is applied per value inside the set operator, so it changes nothing: ForAnyValue:StringEqualsIfExists on an absent key is still false (observed on AWS), ForAllValues:...IfExists still true. Authors who add IfExists to make an absent key pass get a condition that does not.",
        Fix = "Remove IfExists and state the absent case explicitly with a Null condition (in another statement if it must be OR-ed).",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var condition in statement.Statement.Conditions)
            {
                if (condition.Operator is not { IfExists: true } op || op.Qualifier == SetQualifier.None) continue;
                var absent = op.Qualifier == SetQualifier.ForAnyValue ? "false" : "true";
                context.Report(Definition, condition.OperatorSpan, condition.JsonPath,
                    $"IfExists has no effect in \"{op.Name}\": when \"{condition.Key.Value}\" is absent the condition is {absent}, as without IfExists",
                    $"write \"{op.Name[..^"IfExists".Length]}\"");
            }
        }
    }
}
