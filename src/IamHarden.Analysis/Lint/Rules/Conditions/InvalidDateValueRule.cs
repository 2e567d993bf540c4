using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Conditions;

/// <summary>INVALID_DATE_VALUE: a Date condition value written as epoch seconds.</summary>
public sealed class InvalidDateValueRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "INVALID_DATE_VALUE",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Conditions,
        Title = "A date written as epoch seconds",
        Description = "Date operators accept epoch seconds (\"1767225600\") as well as ISO 8601 dates, but a bare number does not show which instant it is: a reviewer cannot check it, and milliseconds written by mistake (\"1767225600000\") fall tens of thousands of years later without any error. aws:EpochTime, which is itself epoch seconds, is left alone.",
        Fix = "Write the date in ISO 8601: \"2026-01-01T00:00:00Z\".",
        AccessAnalyzerCode = "INVALID_DATE_VALUE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var condition in statement.Statement.Conditions)
            {
                if (condition.Operator.Family != ConditionFamily.Date || string.Equals(condition.Key.Value, "aws:EpochTime", StringComparison.OrdinalIgnoreCase)) continue;
                for (int i = 0; i < condition.Values.Length; i++)
                {
                    var value = condition.Values[i];
                    if (value.Value.Length == 0 || !value.Value.All(char.IsAsciiDigit) || !long.TryParse(value.Value, out long seconds)) continue;
                    var iso = seconds <= 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) : null;
                    context.Report(Definition, value.Span, Facts.StatementFacts.ConditionValuePath(condition, i),
                        iso is null
                            ? $"\"{value.Value}\" is a number of seconds beyond the year 9999; if it is milliseconds, divide by 1,000"
                            : $"\"{value.Value}\" is epoch seconds, {iso}; written as a date it can be checked at a glance",
                        iso is null ? "write the date in ISO 8601, e.g. \"2026-01-01T00:00:00Z\"" : $"write \"{iso}\"");
                }
            }
        }
    }
}
