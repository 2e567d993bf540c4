using System.Collections.Frozen;
using IamHarden.Core.Matching;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Evaluation;

/// <summary>
/// The compiled Action/NotAction list of a statement. Exact names go into a case-insensitive
/// frozen set; wildcard patterns are compiled globs (spec §3: case-insensitive, `*` and `?` anywhere).
/// Variables are never substituted in actions.
/// </summary>
internal sealed class ActionMatcher
{
    private readonly bool _matchesEverything;
    private readonly FrozenSet<string> _exact;
    private readonly WildcardPattern[] _patterns;

    public ActionMatcher(ValueList list)
    {
        IsNegated = list.IsNegated;
        var exact = new List<string>();
        var patterns = new List<WildcardPattern>();
        foreach (var value in list.Values)
        {
            if (value.Value == "*") { _matchesEverything = true; continue; }
            if (value.Value.AsSpan().IndexOfAny('*', '?') < 0) exact.Add(value.Value);
            else patterns.Add(WildcardPattern.Glob(value.Value, ignoreCase: true));
        }
        _exact = exact.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _patterns = patterns.ToArray();
    }

    public bool IsNegated { get; }

    /// <summary>Whether the statement covers <paramref name="action"/> (taking NotAction into account).</summary>
    public bool Covers(string action) => IsNegated ? !ListMatches(action) : ListMatches(action);

    private bool ListMatches(string action)
    {
        if (_matchesEverything || _exact.Contains(action)) return true;
        foreach (var pattern in _patterns)
            if (pattern.IsMatch(action)) return true;
        return false;
    }
}
