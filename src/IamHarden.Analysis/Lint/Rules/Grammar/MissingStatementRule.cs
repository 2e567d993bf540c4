using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>MISSING_STATEMENT: The policy has no Statement (reported by the parser).</summary>
public sealed class MissingStatementRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.MissingStatement,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "The policy has no Statement",
        Description = "A policy must have a Statement element holding one statement object or a list of them. IAM rejects a policy without one.",
        Fix = "Add \"Statement\": [ { \"Effect\": \"Allow\", \"Action\": ..., \"Resource\": ... } ].",
        AccessAnalyzerCode = "MISSING_STATEMENT",
    };

    public override LintRuleInfo Info => Definition;
}
