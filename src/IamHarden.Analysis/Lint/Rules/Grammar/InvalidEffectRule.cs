using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>INVALID_EFFECT: Effect is not exactly Allow or Deny (reported by the parser).</summary>
public sealed class InvalidEffectRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.InvalidEffect,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "Effect is not exactly Allow or Deny",
        Description = "Effect must be the string \"Allow\" or \"Deny\", spelled with that case. \"allow\", \"ALLOW\" or a boolean are rejected.",
        Fix = "Write \"Effect\": \"Allow\" or \"Effect\": \"Deny\".",
        AccessAnalyzerCode = "INVALID_EFFECT",
    };

    public override LintRuleInfo Info => Definition;
}
