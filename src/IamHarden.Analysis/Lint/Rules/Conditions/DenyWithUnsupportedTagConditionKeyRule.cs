using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Conditions;

/// <summary>DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE: a tag condition in a Deny on actions that never carry the tag key.</summary>
public sealed class DenyWithUnsupportedTagConditionKeyRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.Conditions,
        Title = "A Deny on tags for actions that never carry the tag key",
        Description = "aws:ResourceTag, aws:RequestTag and aws:TagKeys are present only in requests for the actions and resource types that support them. For any other action the key is absent, a condition such as StringEquals on it is false, and the Deny does not apply, however the resource is tagged: the guardrail silently does not cover those services. With NotAction the statement reaches every service, so this is always the case. (IfExists is no fix: it would deny those actions always.)",
        Fix = "Move the actions of services that do not support the key to a statement that denies them by resource ARN or name, and list the denied actions explicitly instead of NotAction.",
        AccessAnalyzerCode = "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsDeny) continue;
            foreach (var (condition, services) in TagConditions.Unsupported(statement, context.Catalog))
            {
                var key = condition.Key.Value;
                if (services.Count == 0)
                    context.Report(Definition, condition.Key.Span, condition.JsonPath,
                        $"this Deny uses NotAction, which reaches every service, and \"{key}\" is absent from requests for the many actions that do not support it: the Deny does not apply to those, {TagConditions.Regardless(key)}",
                        "list the actions to deny in Action instead of NotAction");
                else
                    context.Report(Definition, condition.Key.Span, condition.JsonPath,
                        $"no action of {TagConditions.Describe(services)} in this statement supports \"{key}\": the key is absent from their requests, so this Deny never applies to them, {TagConditions.Regardless(key)}",
                        $"move the actions of {TagConditions.Describe(services)} to a statement that denies them by resource ARN");
            }
        }
    }
}
