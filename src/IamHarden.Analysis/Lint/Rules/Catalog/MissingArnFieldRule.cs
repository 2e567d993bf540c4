using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>MISSING_ARN_FIELD: an ARN with fewer than six colon-separated parts.</summary>
public sealed class MissingArnFieldRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "MISSING_ARN_FIELD",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Catalog,
        Title = "An ARN with missing parts",
        Description = "An ARN has six parts: arn:partition:service:region:account:resource. Region and account may be empty, but their colons must be there (S3: arn:aws:s3:::bucket). An ARN with fewer parts matches no resource.",
        Fix = "Write every part, keeping the empty ones: arn:aws:s3:::my-bucket, arn:aws:iam::111122223333:user/alice.",
        AccessAnalyzerCode = "MISSING_ARN_FIELD",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var (value, arn, path) in ResourceArns.Of(statement))
            {
                // "arn:aws:s3:*" relies on a final "*" crossing colons: ARN_WILDCARD_CROSSES_COLONS.
                if (arn.ComponentCount >= 6 || value.Value.EndsWith('*')) continue;
                context.Report(Definition, value.Span, path,
                    $"\"{value.Value}\" has {arn.ComponentCount} of the 6 parts arn:partition:service:region:account:resource");
            }
        }
    }
}
