using System.Collections.Frozen;
using IamHarden.Core.Matching;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Evaluation;

/// <summary>
/// The compiled Action/NotAction list of a statement. Exact names go into a case-insensitive
/// frozen set (a short list is searched in order: most statements name a few actions, and freezing
/// a set costs far more than a few comparisons); wildcard patterns are compiled globs (spec §3:
/// case-insensitive, `*` and `?` anywhere), indexed by their service prefix so that a list of
/// thousands of patterns (ReadOnlyAccess has about 1,900) only tries the few of the request's
/// service. Variables are never substituted in actions.
/// </summary>
internal sealed class ActionMatcher
{
    private static readonly WildcardPattern[] None = [];
    private const int ShortList = 8;

    private readonly bool _matchesEverything;
    private readonly string[] _shortExact = [];
    private readonly FrozenSet<string>? _exact;
    private readonly Dictionary<string, WildcardPattern[]>.AlternateLookup<ReadOnlySpan<char>>? _byService;
    private readonly WildcardPattern[] _anyService;

    public ActionMatcher(ValueList list)
    {
        IsNegated = list.IsNegated;
        // Made only when needed: an account compiles thousands of statements, most naming a few exact actions.
        List<string>? exact = null;
        Dictionary<string, List<WildcardPattern>>? byService = null;
        List<WildcardPattern>? anyService = null;
        foreach (var value in list.Values)
        {
            var text = value.Value;
            if (text == "*") { _matchesEverything = true; continue; }
            if (text.AsSpan().IndexOfAny('*', '?') < 0) { (exact ??= []).Add(text); continue; }
            var pattern = WildcardPattern.Glob(text, ignoreCase: true);
            int colon = text.IndexOf(':');
            // "s3:Get*" belongs to s3; "*Mfa*" or "s3*:Get*" may match any service.
            if (colon > 0 && text.AsSpan(0, colon).IndexOfAny('*', '?') < 0)
            {
                var service = text[..colon];
                byService ??= new(StringComparer.OrdinalIgnoreCase);
                if (!byService.TryGetValue(service, out var patterns)) byService[service] = patterns = [];
                patterns.Add(pattern);
            }
            else (anyService ??= []).Add(pattern);
        }
        if (exact is { Count: > ShortList }) _exact = exact.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        else if (exact is not null) _shortExact = exact.ToArray();
        if (byService is not null)
            _byService = byService.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _anyService = anyService is null ? None : anyService.ToArray();
    }

    public bool IsNegated { get; }

    /// <summary>Whether the statement covers <paramref name="action"/> (taking NotAction into account).</summary>
    public bool Covers(string action) => IsNegated ? !ListMatches(action) : ListMatches(action);

    private bool ListMatches(string action)
    {
        if (_matchesEverything || (_exact?.Contains(action) ?? false)) return true;
        foreach (var name in _shortExact)
            if (name.Length == action.Length && string.Equals(name, action, StringComparison.OrdinalIgnoreCase)) return true;
        if (_byService is { } byService)
        {
            int colon = action.IndexOf(':');
            if (colon > 0 && byService.TryGetValue(action.AsSpan(0, colon), out var patterns))
                foreach (var pattern in patterns)
                    if (pattern.IsMatch(action)) return true;
        }
        foreach (var pattern in _anyService)
            if (pattern.IsMatch(action)) return true;
        return false;
    }
}
