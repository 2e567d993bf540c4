using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>INVALID_ELEMENT_TYPE: An element has the wrong JSON type (reported by the parser).</summary>
public sealed class InvalidElementTypeRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.InvalidElementType,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "An element has the wrong JSON type",
        Description = "An element holds a JSON value of the wrong type: a number where a string is needed, an object where a list is needed, a statement that is not an object, a condition value that is an object or null. IAM rejects the policy.",
        Fix = "Write the element in the form the message gives: strings or arrays of strings for Action and Resource, an object of operators for Condition.",
        AccessAnalyzerCode = "DATA_TYPE_MISMATCH",
    };

    public override LintRuleInfo Info => Definition;
}
