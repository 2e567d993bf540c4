using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Conditions;

/// <summary>FORANYVALUE_NEGATED_IN_DENY: ForAnyValue with a negated operator in a Deny.</summary>
public sealed class ForAnyValueNegatedInDenyRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "FORANYVALUE_NEGATED_IN_DENY",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Conditions,
        Title = "ForAnyValue with a negated operator in a Deny",
        Description = "ForAnyValue:StringNotEquals is true when at least one request value is outside the list, and false when the key is absent or empty. In a Deny that reads as \"deny unless every value is allowed\", but requests without the key are not denied at all. A double negative like this is also easy to misread as \"deny when none of the values is listed\", which would be ForAllValues:StringNotEquals.",
        Fix = "If requests without the key must be denied too, add a separate Deny with \"Null\": {\"<key>\": \"true\"}; if you meant \"deny when no value is listed\", use ForAllValues:StringNotEquals.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsDeny) continue;
            foreach (var condition in statement.Statement.Conditions)
            {
                if (condition.Operator is not { Qualifier: SetQualifier.ForAnyValue, IsNegated: true }) continue;
                context.Report(Definition, condition.OperatorSpan, condition.JsonPath,
                    $"this Deny applies when at least one value of \"{condition.Key.Value}\" is not in the list; a request without \"{condition.Key.Value}\" (or with an empty list) is not denied");
            }
        }
    }
}
