using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>INVALID_ARN: A resource is not "*" or an ARN (reported by the parser).</summary>
public sealed class InvalidArnRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.InvalidArn,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "A resource is not \"*\" or an ARN",
        Description = "Resource and NotResource values are ARNs (\"arn:partition:service:region:account:resource\") or \"*\". A bare bucket name, user name or ID is rejected.",
        Fix = "Write the full ARN, for example arn:aws:s3:::my-bucket/* or arn:aws:iam::111122223333:user/alice.",
        AccessAnalyzerCode = "INVALID_ARN",
    };

    public override LintRuleInfo Info => Definition;
}
