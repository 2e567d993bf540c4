using System.Collections.Concurrent;
using IamHarden.Core.Matching;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Facts;

/// <summary>
/// Conservative "this pattern covers that one" tests for Action and Resource values: true only
/// when every request the second matches is certainly matched by the first, so redundancy findings
/// are never wrong (some redundancy may go unreported).
/// </summary>
public static class Coverage
{
    // Policies repeat the same patterns across thousands of statements: compile each glob once.
    private static readonly ConcurrentDictionary<string, WildcardPattern> ActionGlobs = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, WildcardPattern> ResourceGlobs = new(StringComparer.Ordinal);

    /// <summary>Whether action pattern <paramref name="outer"/> matches everything <paramref name="inner"/> does (case-insensitive).</summary>
    public static bool ActionCovers(string outer, string inner)
    {
        if (outer == "*" || string.Equals(outer, inner, StringComparison.OrdinalIgnoreCase)) return true;
        if (!HasWildcard(outer)) return false;
        // Different literal service prefixes never cover each other (the common case in long lists).
        int colon = outer.IndexOf(':');
        if (colon > 0 && outer.AsSpan(0, colon).IndexOfAny('*', '?') < 0
            && !inner.AsSpan().StartsWith(outer.AsSpan(0, colon + 1), StringComparison.OrdinalIgnoreCase)) return false;
        if (!HasWildcard(inner)) return ActionGlobs.GetOrAdd(outer, p => WildcardPattern.Glob(p, ignoreCase: true)).IsMatch(inner);
        return IsPrefixPattern(outer) && inner.StartsWith(outer[..^1], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether Resource value <paramref name="outer"/> matches every resource <paramref name="inner"/> does (case-sensitive, ARN parts compared separately).</summary>
    public static bool ResourceCovers(string outer, string inner)
    {
        if (outer == "*" || outer == inner) return true;
        if (inner == "*" || HasVariable(outer) || HasVariable(inner)) return false;
        if (!outer.StartsWith("arn:", StringComparison.Ordinal) || !inner.StartsWith("arn:", StringComparison.Ordinal)) return false;
        return ResourceCovers(ArnText.Split(outer), ArnText.Split(inner));
    }

    /// <summary><see cref="ResourceCovers(string, string)"/> with the ARNs already split when they are ARNs (null otherwise).</summary>
    public static bool ResourceCovers(string outer, string inner, ArnText? outerArn, ArnText? innerArn)
    {
        if (outer == "*" || outer == inner) return true;
        if (inner == "*" || outerArn is null || innerArn is null || HasVariable(outer) || HasVariable(inner)) return false;
        return ResourceCovers(outerArn, innerArn);
    }

    /// <summary><see cref="ResourceCovers(string, string)"/> for ARNs already split (neither "*" nor with variables).</summary>
    public static bool ResourceCovers(ArnText o, ArnText i)
    {
        if (o.ComponentCount < 6 || i.ComponentCount < 6) return false;
        if (!Part(o.Partition, i.Partition) || !Part(o.Service, i.Service) || !Part(o.Region, i.Region) || !Part(o.Account, i.Account)) return false;
        if (o.Resource == "*" || o.Resource == i.Resource) return true;
        if (!HasWildcard(o.Resource)) return false;
        if (!HasWildcard(i.Resource)) return ResourceGlobs.GetOrAdd(o.Resource, p => WildcardPattern.Glob(p, ignoreCase: false)).IsMatch(i.Resource);
        return IsPrefixPattern(o.Resource) && i.Resource.StartsWith(o.Resource[..^1], StringComparison.Ordinal);
    }

    /// <summary>Whether the conditions of <paramref name="outer"/> are a subset of those of <paramref name="inner"/> (so outer applies whenever inner does).</summary>
    public static bool ConditionsSubset(StatementFacts outer, StatementFacts inner) =>
        outer.NormalizedConditions.IsSubsetOf(inner.NormalizedConditions);

    /// <summary>Whether two statements name the same principals (both none, as in identity policies, counts).</summary>
    public static bool SamePrincipal(Statement a, Statement b)
    {
        if (a.Principal is null || b.Principal is null) return a.Principal is null && b.Principal is null;
        return a.Principal.IsNegated == b.Principal.IsNegated && a.Principal.IsWildcard == b.Principal.IsWildcard
            && a.Principal.Entries.Select(e => (e.Type, e.Value.Value)).ToHashSet().SetEquals(b.Principal.Entries.Select(e => (e.Type, e.Value.Value)));
    }

    /// <summary>A condition as comparable text: operator, key (case-insensitive), values in order.</summary>
    public static string Normalize(Condition c) =>
        c.Operator.Name + "\u0001" + c.Key.Value.ToLowerInvariant() + "\u0001" + string.Join("\u0002", c.Values.Select(v => v.Value).Order(StringComparer.Ordinal));

    private static bool Part(string outer, string inner) => outer == inner || outer == "*";

    private static bool HasWildcard(string text) => text.AsSpan().IndexOfAny('*', '?') >= 0;

    private static bool HasVariable(string text) => text.Contains("${", StringComparison.Ordinal);

    /// <summary>"X*" with no other wildcard.</summary>
    private static bool IsPrefixPattern(string text) => text.EndsWith('*') && text.AsSpan(0, text.Length - 1).IndexOfAny('*', '?') < 0;
}
