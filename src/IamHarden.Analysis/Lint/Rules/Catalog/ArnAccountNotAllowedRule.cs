using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>ARN_ACCOUNT_NOT_ALLOWED: an account ID in an ARN whose resource type has none there.</summary>
public sealed class ArnAccountNotAllowedRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "ARN_ACCOUNT_NOT_ALLOWED",
        Severity = DiagnosticSeverity.Error,
        AwsManagedSeverity = DiagnosticSeverity.Warning,
        Category = LintCategory.Catalog,
        Title = "An account ID in an ARN whose resource type has none",
        Description = "The ARN formats of many resource types leave the account part empty (S3 buckets and objects, Route 53 hosted zones, as the Service Authorization Reference shows). An ARN of such a type with an account ID in that place matches no resource, so the statement never applies to what it names; an S3 bucket ARN copied with the Region and account of an EC2 ARN is the usual case.",
        Fix = "Leave the account part empty and keep the colons, as in arn:aws:s3:::my-bucket/*.",
        AccessAnalyzerCode = "ARN_ACCOUNT_NOT_ALLOWED",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context) => ArnFieldUse.Report(context, Definition, ArnFieldUse.AccountField, "account");
}
