using System.Text.RegularExpressions;
using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>INVALID_ARN_REGION: the Region part of an ARN is not a Region name.</summary>
public sealed partial class InvalidArnRegionRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "INVALID_ARN_REGION",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Catalog,
        Title = "An ARN with something other than a Region in its Region part",
        Description = "The fourth part of an ARN is a Region code such as us-east-1 or ap-northeast-2 (empty for global services such as IAM and S3). A Region name written differently (\"Seoul\", \"us-east\", \"US-EAST-1\") or an account ID in this place matches no resource.",
        Fix = "Write the Region code (ap-northeast-2), \"*\" for any Region, or nothing for global services.",
        AccessAnalyzerCode = "INVALID_ARN_REGION",
    };

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d{1,2}$")]
    private static partial Regex RegionCode();

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var (value, arn, path) in ResourceArns.Of(statement))
            {
                if (arn.ComponentCount < 6 || arn.Region.Length == 0 || ArnText.IsPattern(arn.Region) || RegionCode().IsMatch(arn.Region)) continue;
                context.Report(Definition, value.Span, path,
                    $"\"{arn.Region}\" in \"{value.Value}\" is not a Region code such as us-east-1 or ap-northeast-2");
            }
        }
    }
}
