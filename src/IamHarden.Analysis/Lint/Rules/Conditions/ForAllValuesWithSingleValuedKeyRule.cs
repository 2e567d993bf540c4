using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Conditions;

/// <summary>FORALLVALUES_WITH_SINGLE_VALUED_KEY: ForAllValues on a single-valued key in an Allow.</summary>
public sealed class ForAllValuesWithSingleValuedKeyRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.Conditions,
        Title = "ForAllValues on a single-valued key in an Allow",
        Description = "ForAllValues is true when every request value is in the policy's list, and also when the key is absent. On a single-valued key such as aws:PrincipalTag/team that makes the Allow apply to every principal without the tag, which is almost never meant.",
        Fix = "Drop the qualifier (StringEquals), or add \"Null\": {\"<key>\": \"false\"} so the key must be present.",
        AccessAnalyzerCode = "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsAllow) continue;
            foreach (var condition in statement.Statement.Conditions)
            {
                if (condition.Operator.Qualifier != SetQualifier.ForAllValues || condition.Operator.Kind == ConditionOperatorKind.Null) continue;
                if (ConditionKeys.IsUncheckable(condition.Key.Value) || ConditionKeys.Find(context.Catalog, condition.Key.Value) is not { IsMultiValued: false }) continue;
                context.Report(Definition, condition.OperatorSpan, condition.JsonPath,
                    $"\"{condition.Key.Value}\" has a single value, and \"{condition.Operator.Name}\" is also true when it is absent: this Allow applies to every request without the key",
                    $"write \"{condition.Operator.Name["ForAllValues:".Length..]}\"");
            }
        }
    }
}
