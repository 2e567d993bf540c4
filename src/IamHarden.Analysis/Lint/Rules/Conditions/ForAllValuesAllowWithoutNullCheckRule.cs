using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Conditions;

/// <summary>FORALLVALUES_ALLOW_WITHOUT_NULL_CHECK: ForAllValues in an Allow that also applies when the key is absent or empty.</summary>
public sealed class ForAllValuesAllowWithoutNullCheckRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "FORALLVALUES_ALLOW_WITHOUT_NULL_CHECK",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Conditions,
        Title = "ForAllValues in an Allow without a Null check",
        Description = "ForAllValues is true when every request value is in the list, and also when the key is absent or its list is empty. An Allow such as \"tag only with keys a and b\" therefore also allows the request that carries no tags at all. AWS recommends pairing it with \"Null\": {\"<key>\": \"false\"} when the key must be present.",
        Fix = "Add \"Null\": {\"<key>\": \"false\"} to the same Condition block, unless requests without the key are meant to be allowed.",
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
                if (ConditionKeys.IsUncheckable(condition.Key.Value) || ConditionKeys.Find(context.Catalog, condition.Key.Value) is not { IsMultiValued: true }) continue;
                bool guarded = statement.ConditionsOn(condition.Key.Value).Any(c =>
                    c.Operator is { Kind: ConditionOperatorKind.Null, Qualifier: SetQualifier.None }
                    && c.Values.All(v => string.Equals(v.Value, "false", StringComparison.OrdinalIgnoreCase)));
                if (guarded) continue;
                context.Report(Definition, condition.OperatorSpan, condition.JsonPath,
                    $"\"{condition.Operator.Name}\" on \"{condition.Key.Value}\" is also true when the request has no such key or an empty list, so this Allow applies to those requests too",
                    $"add \"Null\": {{\"{condition.Key.Value}\": \"false\"}} if the key must be present");
            }
        }
    }
}
