using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Facts;

/// <summary>The principal values a statement names (Principal or NotPrincipal, not the bare "*"), with the JSON path of their type.</summary>
public static class PrincipalValues
{
    public static IEnumerable<(PrincipalEntry Entry, string Path, string Element)> Of(StatementFacts statement)
    {
        if (statement.Statement.Principal is not { IsWildcard: false } principal) yield break;
        var element = principal.IsNegated ? "NotPrincipal" : "Principal";
        foreach (var entry in principal.Entries) yield return (entry, $"{statement.PathOf(element)}.{entry.Type}", element);
    }
}
