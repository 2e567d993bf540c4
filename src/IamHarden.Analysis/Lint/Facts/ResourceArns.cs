using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Facts;

/// <summary>The ARN values of a statement's Resource/NotResource, split into components (computed once per statement).</summary>
public static class ResourceArns
{
    public static IReadOnlyList<(LocatedString Value, ArnText Arn, string Path)> Of(StatementFacts statement) => statement.Arns;
}
