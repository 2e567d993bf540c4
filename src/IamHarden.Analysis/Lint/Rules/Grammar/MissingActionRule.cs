using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>MISSING_ACTION: A statement has neither Action nor NotAction, or an empty list (reported by the parser).</summary>
public sealed class MissingActionRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.MissingAction,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "A statement has neither Action nor NotAction, or an empty list",
        Description = "Every statement must name the actions it covers, in Action or NotAction, with at least one value. IAM rejects a statement without them.",
        Fix = "Add \"Action\": [\"service:Operation\", ...] (or NotAction for the exception form).",
        AccessAnalyzerCode = "MISSING_ACTION",
    };

    public override LintRuleInfo Info => Definition;
}
