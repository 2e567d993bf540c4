using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>INVALID_CONDITION_VALUE: A condition value cannot be read for its operator (reported by the parser).</summary>
public sealed class InvalidConditionValueRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.InvalidConditionValue,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "A condition value cannot be read for its operator",
        Description = "The value does not parse for the operator's type: not a number for Numeric*, not a date for Date*, not an IP address or CIDR for IpAddress, not true/false for Bool or Null, not base64 for BinaryEquals. AWS rejects or never matches it.",
        Fix = "Write the value in the type's format: \"10\", \"2025-06-01T00:00:00Z\", \"203.0.113.0/24\", \"true\".",
        AccessAnalyzerCode = "DATA_TYPE_MISMATCH",
    };

    public override LintRuleInfo Info => Definition;
}
