using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>UNIQUE_SIDS_REQUIRED: Two statements have the same Sid (reported by the parser).</summary>
public sealed class UniqueSidsRequiredRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.UniqueSidsRequired,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "Two statements have the same Sid",
        Description = "IAM and Organizations require Sids to be unique within a policy; a repeated Sid is rejected.",
        Fix = "Give each statement its own Sid (or leave the Sid out).",
        AccessAnalyzerCode = "UNIQUE_SIDS_REQUIRED",
    };

    public override LintRuleInfo Info => Definition;
}
