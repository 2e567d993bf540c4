using System.Collections.Immutable;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Structure;

/// <summary>
/// Shared by the redundant-value rules: which other value of a list covers a value. Lists run to
/// thousands of values (AWS's ReadOnlyAccess), so values are indexed: exact duplicates through a
/// dictionary, and each value is compared only with the wildcard values that share its key (the
/// service prefix) or have none.
/// </summary>
internal sealed class Redundancy
{
    private readonly ImmutableArray<LocatedString> _values;
    private readonly Func<string, string, bool> _covers;
    private readonly Dictionary<string, int> _first;
    private readonly Dictionary<string, List<int>> _patternsByKey;
    private readonly List<int> _unkeyedPatterns = [];
    private readonly Func<string, string?> _key;

    /// <param name="values">The list.</param>
    /// <param name="covers">Whether the first value covers the second.</param>
    /// <param name="equality">When two values are the same value.</param>
    /// <param name="key">A key no value covers a value of another key with (null: may cover anything).</param>
    /// <param name="isPattern">Whether a value can cover values other than itself.</param>
    public Redundancy(ImmutableArray<LocatedString> values, Func<string, string, bool> covers, StringComparer equality, Func<string, string?> key, Func<string, bool> isPattern)
    {
        _values = values;
        _covers = covers;
        _key = key;
        _first = new Dictionary<string, int>(equality);
        _patternsByKey = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < values.Length; i++)
        {
            var text = values[i].Value;
            _first.TryAdd(text, i);
            if (!isPattern(text)) continue;
            if (key(text) is { } k) (_patternsByKey.TryGetValue(k, out var list) ? list : _patternsByKey[k] = []).Add(i);
            else _unkeyedPatterns.Add(i);
        }
    }

    /// <summary>
    /// The index of a value that covers value <paramref name="j"/>, or -1. Of two equal values only
    /// the later one is redundant, so each duplicate pair is reported once.
    /// </summary>
    public int CoveringIndex(int j)
    {
        var text = _values[j].Value;
        if (_first[text] is var first && first < j) return first;
        foreach (int i in Candidates(text))
        {
            if (i != j && !_first.Comparer.Equals(_values[i].Value, text) && _covers(_values[i].Value, text)) return i;
        }
        return -1;
    }

    private IEnumerable<int> Candidates(string text)
    {
        foreach (int i in _unkeyedPatterns) yield return i;
        if (_key(text) is { } k && _patternsByKey.TryGetValue(k, out var list))
        {
            foreach (int i in list) yield return i;
        }
        else if (_key(text) is null)
        {
            // A value without a key (a wildcard service) can be covered by any pattern.
            foreach (var group in _patternsByKey.Values)
                foreach (int i in group) yield return i;
        }
    }
}
