using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Conditions;

/// <summary>ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE: a tag condition in an Allow on actions that never carry the tag key.</summary>
public sealed class AllowWithUnsupportedTagConditionKeyRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        Severity = DiagnosticSeverity.Suggestion,
        Category = LintCategory.Conditions,
        Title = "An Allow on tags for actions that never carry the tag key",
        Description = "aws:ResourceTag, aws:RequestTag and aws:TagKeys are present only in requests for the actions and resource types that support them. For any other action the key is absent, the condition is false and the Allow grants nothing, however the resource is tagged. Nothing is over-granted, but the statement does less than it seems to. (Do not reach for IfExists or a negated operator: they would grant those actions on every resource.)",
        Fix = "Move the actions of services that do not support the key to a statement that grants them by resource ARN or name.",
        AccessAnalyzerCode = "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsAllow) continue;
            foreach (var (condition, services) in TagConditions.Unsupported(statement, context.Catalog))
            {
                var key = condition.Key.Value;
                var which = services.Count == 0 ? "the actions NotAction reaches that do not support it" : $"the actions of {TagConditions.Describe(services)}";
                context.Report(Definition, condition.Key.Span, condition.JsonPath,
                    $"\"{key}\" is absent from requests for {which}, so this Allow grants them nothing, {TagConditions.Regardless(key)}",
                    services.Count == 0 ? "list the actions to allow in Action instead of NotAction" : $"grant the actions of {TagConditions.Describe(services)} in a statement by resource ARN");
            }
        }
    }
}
