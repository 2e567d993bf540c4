using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;
using IamHarden.Core.Text;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>INVALID_PARTITION: the partition part of an ARN is not an AWS partition.</summary>
public sealed class InvalidPartitionRule : LintRule
{
    /// <summary>The AWS partitions (commercial, China, GovCloud, the isolated and European sovereign ones).</summary>
    public static readonly string[] Partitions = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"];

    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "INVALID_PARTITION",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Catalog,
        Title = "An ARN names a partition that does not exist",
        Description = "The second part of an ARN is the partition: \"aws\" for the commercial Regions, \"aws-cn\" for China, \"aws-us-gov\" for GovCloud (and a few isolated ones). Anything else, such as a Region or an account in that place, matches no resource.",
        Fix = "Write arn:aws:... (or the partition your account is in).",
        AccessAnalyzerCode = "INVALID_PARTITION",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var (value, arn, path) in ResourceArns.Of(statement))
            {
                if (arn.ComponentCount < 2 || ArnText.IsPattern(arn.Partition) || Partitions.Contains(arn.Partition)) continue;
                var suggestion = FuzzyMatch.Best(arn.Partition, Partitions);
                context.Report(Definition, value.Span, path,
                    $"\"{arn.Partition}\" in \"{value.Value}\" is not an AWS partition" + (suggestion is null ? "; expected aws, aws-cn or aws-us-gov" : $"; did you mean \"{suggestion}\"?"));
            }
        }
    }
}
