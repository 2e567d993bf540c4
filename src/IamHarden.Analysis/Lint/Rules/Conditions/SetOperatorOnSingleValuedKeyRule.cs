using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Conditions;

/// <summary>SET_OPERATOR_ON_SINGLE_VALUED_KEY: ForAnyValue, or ForAllValues outside an Allow, on a single-valued key.</summary>
public sealed class SetOperatorOnSingleValuedKeyRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "SET_OPERATOR_ON_SINGLE_VALUED_KEY",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Conditions,
        Title = "A set operator on a single-valued key",
        Description = "ForAnyValue and ForAllValues are for keys that can hold several values. On a single-valued key they differ from the plain operator only when the key is absent: ForAnyValue is then false, ForAllValues true. That difference is rarely intended and makes the condition harder to read. (ForAllValues in an Allow is the security warning FORALLVALUES_WITH_SINGLE_VALUED_KEY.)",
        Fix = "Drop the qualifier; if the absent case matters, say it with a Null condition.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var condition in statement.Statement.Conditions)
            {
                var qualifier = condition.Operator.Qualifier;
                if (qualifier == SetQualifier.None || condition.Operator.Kind == ConditionOperatorKind.Null) continue;
                if (qualifier == SetQualifier.ForAllValues && statement.IsAllow) continue;
                if (ConditionKeys.IsUncheckable(condition.Key.Value) || ConditionKeys.Find(context.Catalog, condition.Key.Value) is not { IsMultiValued: false }) continue;
                var absent = qualifier == SetQualifier.ForAnyValue ? "false" : "true";
                context.Report(Definition, condition.OperatorSpan, condition.JsonPath,
                    $"\"{condition.Key.Value}\" has a single value; \"{condition.Operator.Name}\" only adds that the condition is {absent} when the key is absent",
                    $"write \"{condition.Operator.Name[(condition.Operator.Name.IndexOf(':') + 1)..]}\"");
            }
        }
    }
}
