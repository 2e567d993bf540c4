using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>UNSUPPORTED_SID: Sid with characters other than letters and digits (reported by the parser).</summary>
public sealed class UnsupportedSidRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.UnsupportedSid,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "Sid with characters other than letters and digits",
        Description = "IAM and Organizations accept only A-Z, a-z and 0-9 in a Sid (no spaces, dashes or underscores). Resource-based policies of other services are more lenient.",
        Fix = "Remove the other characters: \"Deny-No-MFA\" becomes \"DenyNoMFA\".",
        AccessAnalyzerCode = "UNSUPPORTED_SID",
    };

    public override LintRuleInfo Info => Definition;
}
