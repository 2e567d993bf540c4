using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Conditions;

/// <summary>MISSING_QUALIFIER: a plain operator on a multivalued key such as aws:TagKeys.</summary>
public sealed class MissingQualifierRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "MISSING_QUALIFIER",
        Severity = DiagnosticSeverity.Error,
        AwsManagedSeverity = DiagnosticSeverity.Warning,
        Category = LintCategory.Conditions,
        Title = "A multivalued key without ForAnyValue or ForAllValues",
        Description = "Keys such as aws:TagKeys, aws:CalledVia and aws:PrincipalOrgPaths can carry several values in one request; AWS requires a set operator to compare them. How a plain operator treats a list is not documented; IamHarden (like other evaluators) treats it as false, so an Allow never applies and a Deny with a negated operator never fires.",
        Fix = "Say which you mean: ForAnyValue: (at least one request value matches) or ForAllValues: (every request value matches, add a Null check if the key must be present).",
        AccessAnalyzerCode = "MISSING_QUALIFIER",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var condition in statement.Statement.Conditions)
            {
                if (condition.Operator.Qualifier != SetQualifier.None || condition.Operator.Kind == ConditionOperatorKind.Null) continue;
                if (ConditionKeys.IsUncheckable(condition.Key.Value) || ConditionKeys.Find(context.Catalog, condition.Key.Value) is not { IsMultiValued: true }) continue;
                context.Report(Definition, condition.OperatorSpan, condition.JsonPath,
                    $"\"{condition.Key.Value}\" can hold several values, but \"{condition.Operator.Name}\" has no ForAnyValue:/ForAllValues: qualifier",
                    $"write \"ForAnyValue:{condition.Operator.Name}\" or \"ForAllValues:{condition.Operator.Name}\"");
            }
        }
    }
}
