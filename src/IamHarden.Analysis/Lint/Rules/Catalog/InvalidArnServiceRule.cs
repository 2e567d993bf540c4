using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;
using IamHarden.Core.Text;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>INVALID_ARN_SERVICE: the service part of an ARN is not a service AWS uses in ARNs.</summary>
public sealed class InvalidArnServiceRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "INVALID_ARN_SERVICE",
        Severity = DiagnosticSeverity.Error,
        AwsManagedSeverity = DiagnosticSeverity.Warning,
        Category = LintCategory.Catalog,
        Title = "An ARN names a service that does not exist",
        Description = "The third part of an ARN is the service namespace, in lower case (\"s3\", \"iam\", \"execute-api\"). A misspelt or capitalised name (\"S3\", \"iamm\") matches no resource, because ARNs are compared case-sensitively. Checked against the ARN formats of the catalog shipped with IamHarden.",
        Fix = "Use the service name the message suggests, in lower case.",
        AccessAnalyzerCode = "INVALID_ARN_SERVICE_CASE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        var services = context.CatalogFacts.ArnServices;
        foreach (var statement in context.Statements)
        {
            foreach (var (value, arn, path) in ResourceArns.Of(statement))
            {
                if (arn.ComponentCount < 3 || ArnText.IsPattern(arn.Service) || services.Contains(arn.Service)) continue;
                var lower = arn.Service.ToLowerInvariant();
                var suggestion = services.Contains(lower) ? lower : FuzzyMatch.Best(arn.Service, services);
                context.Report(Definition, value.Span, path,
                    $"\"{arn.Service}\" in \"{value.Value}\" is not a service namespace used in ARNs"
                    + (suggestion == lower ? $"; ARNs are case-sensitive, write \"{lower}\"" : suggestion is null ? "" : $"; did you mean \"{suggestion}\"?"));
            }
        }
    }
}
