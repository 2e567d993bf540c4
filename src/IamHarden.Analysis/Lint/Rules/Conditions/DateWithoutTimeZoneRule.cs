using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Lint.Rules.Conditions;

/// <summary>DATE_WITHOUT_TIME_ZONE: a date-time condition value without Z or an offset.</summary>
public sealed class DateWithoutTimeZoneRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "DATE_WITHOUT_TIME_ZONE",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Conditions,
        Title = "A date and time without a time zone",
        Description = "Date conditions compare instants. A time written without \"Z\" or an offset (2025-06-01T09:00:00) does not say which time zone it is in; IamHarden reads it as UTC, which for a team in Seoul is nine hours off from what was probably meant.",
        Fix = "Add the zone: 2025-06-01T09:00:00Z, or 2025-06-01T09:00:00+09:00.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var condition in statement.Statement.Conditions)
            {
                if (condition.Operator.Family != ConditionFamily.Date) continue;
                for (int i = 0; i < condition.Values.Length; i++)
                {
                    var value = condition.Values[i];
                    if (!AwsDate.TryParse(value.Value, out _, out bool missingZone) || !missingZone) continue;
                    context.Report(Definition, value.Span, Facts.StatementFacts.ConditionValuePath(condition, i),
                        $"\"{value.Value}\" has a time but no time zone; it is read as UTC", $"write \"{value.Value}Z\" or add an offset such as +09:00");
                }
            }
        }
    }
}
