using IamHarden.Analysis.Prover.Smt;

namespace IamHarden.Analysis.Prover.Encoding.Strings;

/// <summary>
/// Decides how each string of a query is held. Strings with a known value are constants; strings
/// compared with symbolic text (a policy variable whose value is unknown) must be SMT strings;
/// every other string is compared only with constant patterns and becomes a cell number
/// (<see cref="CellTable"/>), unless its patterns are too many to tabulate. An owner is "resource"
/// or a key's stem; the choice is the same in every request of the query.
/// </summary>
internal sealed class StringPlanner
{
    private readonly Dictionary<string, List<StringPattern>> _patterns = new(StringComparer.Ordinal);
    private readonly HashSet<string> _symbolic = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (CellTable Table, Dictionary<string, int> Index)?> _tables = new(StringComparer.Ordinal);

    /// <summary>Tables by pattern set: the properties of one verify run, and the users of one audit, share their policies' patterns.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CellTable?> Tables = new(StringComparer.Ordinal);

    /// <summary>Set once the recording pass is over; then <see cref="ValueFor"/> hands out the chosen representations.</summary>
    public bool Planned { get; private set; }

    public void Record(string owner, StringPattern pattern)
    {
        if (!_patterns.TryGetValue(owner, out var list)) _patterns[owner] = list = [];
        if (!list.Any(p => p.Key == pattern.Key)) list.Add(pattern);
    }

    public void MarkSymbolic(string owner) => _symbolic.Add(owner);

    public void Finish() => Planned = true;

    /// <summary>The representation of one string of <paramref name="owner"/> (a fixed value wins when given).</summary>
    public IStringValue ValueFor(string owner, string symbol, string? fixedValue, PatternEncoder patterns, CharSet alphabet)
    {
        if (fixedValue is not null) return new FixedValue(fixedValue);
        if (!Planned) return new RecordingValue(this, owner);
        if (_symbolic.Contains(owner)) return new TextValue(symbol, patterns, alphabet);
        if (!_tables.TryGetValue(owner, out var entry))
        {
            var list = _patterns.GetValueOrDefault(owner) ?? [];
            if (Tables.Count > 1000) Tables.Clear();
            var table = Tables.GetOrAdd(alphabet + "|" + string.Join("|", list.Select(p => p.Key)), _ => CellTable.Build(list, alphabet));
            entry = table is null ? null : (table, list.Select((p, i) => (p.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal));
            _tables[owner] = entry;
        }
        return entry is { } e ? new CellValue(symbol, e.Table, e.Index) : new TextValue(symbol, patterns, alphabet);
    }
}
