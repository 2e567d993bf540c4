using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Structure;

/// <summary>REDUNDANT_RESOURCE: a Resource/NotResource value already covered by another value of the same list.</summary>
public sealed class RedundantResourceRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "REDUNDANT_RESOURCE",
        Severity = DiagnosticSeverity.Suggestion,
        Category = LintCategory.Structure,
        Title = "A resource already covered by another value of the same list",
        Description = "An ARN such as arn:aws:iam::111122223333:role/jane-admin next to arn:aws:iam::111122223333:role/jane* (or the same ARN twice) adds nothing, and hides that the wildcard also covers roles created later.",
        Fix = "Remove the redundant ARN, or replace the wildcard by the ARNs that are really meant.",
        AccessAnalyzerCode = "REDUNDANT_RESOURCE",
    };

    public override LintRuleInfo Info => Definition;

    /// <summary>The literal service of an ARN; null for "*" and patterns with a wildcard or variable there.</summary>
    private static string? ServiceOf(string resource)
    {
        if (!resource.StartsWith("arn:", StringComparison.Ordinal)) return null;
        var service = ArnText.Split(resource).Service;
        return ArnText.IsPattern(service) ? null : service;
    }

    private static bool IsPattern(string resource) => resource.AsSpan().IndexOfAny('*', '?') >= 0;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (statement.Statement.Resources is not { } resources) continue;
            var values = resources.Values;
            if (values.Length < 2) continue;
            var redundancy = new Redundancy(values, Coverage.ResourceCovers, StringComparer.Ordinal, ServiceOf, IsPattern);
            for (int j = 0; j < values.Length; j++)
            {
                int by = redundancy.CoveringIndex(j);
                if (by < 0) continue;
                context.Report(Definition, values[j].Span, statement.ResourcePath(j),
                    $"\"{values[j].Value}\" is already covered by \"{values[by].Value}\" in the same {statement.ResourceElement} list", $"remove \"{values[j].Value}\"");
            }
        }
    }
}
