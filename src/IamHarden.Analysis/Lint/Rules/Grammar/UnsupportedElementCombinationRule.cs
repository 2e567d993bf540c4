using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>UNSUPPORTED_ELEMENT_COMBINATION: Both Action and NotAction (or Resource and NotResource, Principal and NotPrincipal) (reported by the parser).</summary>
public sealed class UnsupportedElementCombinationRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.UnsupportedElementCombination,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "Both Action and NotAction (or Resource and NotResource, Principal and NotPrincipal)",
        Description = "Each pair is one element in two forms; a statement may use one form of each pair, not both. IAM rejects the statement.",
        Fix = "Keep one of the two. To exclude a few actions from a wildcard, write a separate Deny statement instead of mixing the forms.",
        AccessAnalyzerCode = "UNSUPPORTED_ELEMENT_COMBINATION",
    };

    public override LintRuleInfo Info => Definition;
}
