using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>MISSING_RESOURCE: A statement has neither Resource nor NotResource, or an empty list (reported by the parser).</summary>
public sealed class MissingResourceRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.MissingResource,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "A statement has neither Resource nor NotResource, or an empty list",
        Description = "Statements of every policy type except role trust policies must name the resources they cover, with at least one value. IAM rejects a statement without them.",
        Fix = "Add \"Resource\": \"*\" or the ARNs the statement is about.",
        AccessAnalyzerCode = "MISSING_RESOURCE",
    };

    public override LintRuleInfo Info => Definition;
}
