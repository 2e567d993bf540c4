using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>MISSING_EFFECT: A statement has no Effect (reported by the parser).</summary>
public sealed class MissingEffectRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.MissingEffect,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "A statement has no Effect",
        Description = "Every statement must say whether it allows or denies. IAM rejects a statement without Effect.",
        Fix = "Add \"Effect\": \"Allow\" or \"Effect\": \"Deny\".",
        AccessAnalyzerCode = "MISSING_EFFECT",
    };

    public override LintRuleInfo Info => Definition;
}
