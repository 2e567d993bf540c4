using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using IamHarden.Core.Catalog;

namespace IamHarden.Analysis.Lint.Facts;

/// <summary>
/// What lint derives from an <see cref="ActionCatalog"/> once and shares between all policies:
/// action positions for <see cref="ActionSet"/>, expansions of action patterns (policies repeat
/// the same patterns thousands of times), and the service names that may appear in ARNs.
/// </summary>
public sealed class CatalogFacts
{
    private static readonly ConditionalWeakTable<ActionCatalog, CatalogFacts> ByCatalog = new();

    private readonly Dictionary<ActionDefinition, int> _positions;
    private readonly ConcurrentDictionary<string, ImmutableArray<ActionDefinition>> _expansions = new(StringComparer.OrdinalIgnoreCase);

    private CatalogFacts(ActionCatalog catalog)
    {
        Catalog = catalog;
        _positions = new Dictionary<ActionDefinition, int>(catalog.AllActions.Length, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < catalog.AllActions.Length; i++) _positions[catalog.AllActions[i]] = i;
        ArnServices = catalog.Services
            .SelectMany(s => s.ResourceTypes.SelectMany(t => t.ArnFormats).Select(ArnServiceOf).Append(s.Prefix))
            .Where(s => s.Length > 0)
            .ToFrozenSet(StringComparer.Ordinal);
        GlobalKeyNames = [.. catalog.GlobalConditionKeys.Select(k => k.Name)];
    }

    /// <summary>The facts for <paramref name="catalog"/>, built on first use.</summary>
    public static CatalogFacts For(ActionCatalog catalog) => ByCatalog.GetValue(catalog, c => new CatalogFacts(c));

    public ActionCatalog Catalog { get; }

    public int ActionCount => Catalog.AllActions.Length;

    /// <summary>Service names ARNs use (the third component): every service prefix and every name in a documented ARN format.</summary>
    public FrozenSet<string> ArnServices { get; }

    /// <summary>The names of the global condition keys, for did-you-mean.</summary>
    public ImmutableArray<string> GlobalKeyNames { get; }

    public int PositionOf(ActionDefinition action) => _positions[action];

    private readonly ConcurrentDictionary<string, string?> _serviceSuggestions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><see cref="ActionCatalog.SuggestService"/>, remembered (AWS's own policies repeat retired prefixes many times).</summary>
    public string? SuggestService(string prefix) => _serviceSuggestions.GetOrAdd(prefix, Catalog.SuggestService);

    private ImmutableArray<ActionDefinition>[]? _singletons;

    /// <summary><see cref="ActionCatalog.Expand"/>, remembered; plain names take the catalog's allocation-free lookup.</summary>
    public ImmutableArray<ActionDefinition> Expand(string pattern)
    {
        if (pattern.AsSpan().IndexOfAny('*', '?') < 0)
        {
            if (Catalog.FindAction(pattern) is not { } action) return [];
            var singletons = _singletons ??= new ImmutableArray<ActionDefinition>[ActionCount];
            int position = _positions[action];
            if (singletons[position].IsDefault) singletons[position] = [action];
            return singletons[position];
        }
        return _expansions.GetOrAdd(pattern, Catalog.Expand);
    }

    /// <summary>The actions the patterns match, as a set.</summary>
    public ActionSet SetOf(IEnumerable<string> patterns)
    {
        var set = new ActionSet(ActionCount);
        foreach (var pattern in patterns)
        {
            foreach (var action in Expand(pattern)) set.Add(_positions[action]);
        }
        return set;
    }

    public ActionSet Complement(ActionSet set) => set.Complement(ActionCount);

    private static string ArnServiceOf(string format)
    {
        var parts = format.Split(':', 4);
        return parts.Length >= 3 ? parts[2] : "";
    }
}
