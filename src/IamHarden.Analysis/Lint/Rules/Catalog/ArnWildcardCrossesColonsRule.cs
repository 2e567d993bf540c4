using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>ARN_WILDCARD_CROSSES_COLONS: a short ARN such as arn:aws:s3:* that works only because a final "*" crosses colons.</summary>
public sealed class ArnWildcardCrossesColonsRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "ARN_WILDCARD_CROSSES_COLONS",
        Severity = DiagnosticSeverity.Suggestion,
        Category = LintCategory.Catalog,
        Title = "An ARN that relies on a final \"*\" matching across colons",
        Description = "A \"*\" that ends a part of a Resource ARN may match beyond the next colons, which is what makes short forms like arn:aws:s3:* work. AWS recommends not relying on it: the short form is hard to read and easy to get wrong when edited.",
        Fix = "Write all six parts: arn:aws:s3:::* (or the ARN of the resources you mean).",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var (value, arn, path) in ResourceArns.Of(statement))
            {
                if (arn.ComponentCount >= 6 || !value.Value.EndsWith('*')) continue;
                context.Report(Definition, value.Span, path,
                    $"\"{value.Value}\" has {arn.ComponentCount} of the 6 ARN parts and matches only because its final \"*\" crosses colons",
                    $"write \"{value.Value}{string.Concat(Enumerable.Repeat(":*", 6 - arn.ComponentCount))}\"");
            }
        }
    }
}
