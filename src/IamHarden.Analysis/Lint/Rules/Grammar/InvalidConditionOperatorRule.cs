using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>INVALID_CONDITION_OPERATOR: Unknown condition operator (reported by the parser).</summary>
public sealed class InvalidConditionOperatorRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.InvalidConditionOperator,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "Unknown condition operator",
        Description = "The Condition block names an operator IAM does not have, usually a misspelling (\"StringEqual\", \"IPAddress\"). Operator names are case-sensitive. IAM rejects the policy.",
        Fix = "Use the operator the message suggests; the list is in the IAM condition operators reference (String*, Numeric*, Date*, Bool, BinaryEquals, IpAddress, NotIpAddress, Arn*, Null, each optionally ...IfExists).",
        AccessAnalyzerCode = "INVALID_CONDITION_OPERATOR",
    };

    public override LintRuleInfo Info => Definition;
}
