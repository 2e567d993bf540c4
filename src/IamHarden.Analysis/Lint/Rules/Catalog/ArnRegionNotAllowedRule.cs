using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>ARN_REGION_NOT_ALLOWED: a Region in an ARN whose resource type has none there.</summary>
public sealed class ArnRegionNotAllowedRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "ARN_REGION_NOT_ALLOWED",
        Severity = DiagnosticSeverity.Error,
        AwsManagedSeverity = DiagnosticSeverity.Warning,
        Category = LintCategory.Catalog,
        Title = "A Region in an ARN whose resource type has none",
        Description = "The ARN formats of many resource types leave the Region part empty (IAM roles and users, S3 buckets and objects, Route 53 hosted zones, as the Service Authorization Reference shows). An ARN of such a type with a Region in that place matches no resource, so the statement never applies to what it names; an S3 bucket ARN copied with the Region and account of an EC2 ARN is the usual case.",
        Fix = "Leave the Region part empty and keep the colons, as in arn:aws:iam::111122223333:role/app.",
        AccessAnalyzerCode = "ARN_REGION_NOT_ALLOWED",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context) => ArnFieldUse.Report(context, Definition, ArnFieldUse.RegionField, "Region");
}
