using System.Collections.Frozen;
using IamHarden.Core.Matching;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Evaluation;

/// <summary>
/// The compiled Action/NotAction list of a statement. Exact names go into a case-insensitive
/// frozen set; wildcard patterns are compiled globs (spec §3: case-insensitive, `*` and `?` anywhere),
/// indexed by their service prefix so that a list of thousands of patterns (ReadOnlyAccess has
/// about 1,900) only tries the few of the request's service. Variables are never substituted in actions.
/// </summary>
internal sealed class ActionMatcher
{
    private static readonly WildcardPattern[] None = [];

    private readonly bool _matchesEverything;
    private readonly FrozenSet<string> _exact;
    private readonly FrozenDictionary<string, WildcardPattern[]>.AlternateLookup<ReadOnlySpan<char>> _byService;
    private readonly WildcardPattern[] _anyService;

    public ActionMatcher(ValueList list)
    {
        IsNegated = list.IsNegated;
        var exact = new List<string>();
        var byService = new Dictionary<string, List<WildcardPattern>>(StringComparer.OrdinalIgnoreCase);
        var anyService = new List<WildcardPattern>();
        foreach (var value in list.Values)
        {
            var text = value.Value;
            if (text == "*") { _matchesEverything = true; continue; }
            if (text.AsSpan().IndexOfAny('*', '?') < 0) { exact.Add(text); continue; }
            var pattern = WildcardPattern.Glob(text, ignoreCase: true);
            int colon = text.IndexOf(':');
            // "s3:Get*" belongs to s3; "*Mfa*" or "s3*:Get*" may match any service.
            if (colon > 0 && text.AsSpan(0, colon).IndexOfAny('*', '?') < 0)
            {
                var service = text[..colon];
                if (!byService.TryGetValue(service, out var patterns)) byService[service] = patterns = [];
                patterns.Add(pattern);
            }
            else anyService.Add(pattern);
        }
        _exact = exact.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _byService = byService.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _anyService = anyService.ToArray();
    }

    public bool IsNegated { get; }

    /// <summary>Whether the statement covers <paramref name="action"/> (taking NotAction into account).</summary>
    public bool Covers(string action) => IsNegated ? !ListMatches(action) : ListMatches(action);

    private bool ListMatches(string action)
    {
        if (_matchesEverything || _exact.Contains(action)) return true;
        int colon = action.IndexOf(':');
        var forService = colon > 0 && _byService.TryGetValue(action.AsSpan(0, colon), out var patterns) ? patterns : None;
        foreach (var pattern in forService)
            if (pattern.IsMatch(action)) return true;
        foreach (var pattern in _anyService)
            if (pattern.IsMatch(action)) return true;
        return false;
    }
}
