using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>INVALID_SET_QUALIFIER: Unknown set qualifier before an operator (reported by the parser).</summary>
public sealed class InvalidSetQualifierRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.InvalidSetQualifier,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "Unknown set qualifier before an operator",
        Description = "The only prefixes an operator can take are \"ForAllValues:\" and \"ForAnyValue:\" (case-sensitive).",
        Fix = "Write ForAllValues: or ForAnyValue:, or remove the prefix.",
        AccessAnalyzerCode = "INVALID_CONDITION_OPERATOR",
    };

    public override LintRuleInfo Info => Definition;
}
