namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// A set of action indexes as sorted, disjoint, non-adjacent inclusive ranges. Catalog actions are
/// sorted by name, so a prefix pattern such as s3:Get* is one range and most statements a few.
/// </summary>
internal sealed class IndexIntervals
{
    private readonly (int From, int To)[] _ranges;

    private IndexIntervals((int, int)[] ranges) => _ranges = ranges;

    public static IndexIntervals Empty { get; } = new([]);

    public IReadOnlyList<(int From, int To)> Ranges => _ranges;

    public bool IsEmpty => _ranges.Length == 0;

    public int Count => _ranges.Sum(r => r.To - r.From + 1);

    public static IndexIntervals FromSortedIndexes(IEnumerable<int> indexes)
    {
        var ranges = new List<(int, int)>();
        foreach (var i in indexes)
        {
            if (ranges.Count > 0 && ranges[^1].Item2 + 1 >= i) ranges[^1] = (ranges[^1].Item1, Math.Max(ranges[^1].Item2, i));
            else ranges.Add((i, i));
        }
        return new IndexIntervals([.. ranges]);
    }

    public static IndexIntervals Range(int from, int to) => from > to ? Empty : new([(from, to)]);

    public bool Contains(int index)
    {
        int lo = 0, hi = _ranges.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (index < _ranges[mid].From) hi = mid - 1;
            else if (index > _ranges[mid].To) lo = mid + 1;
            else return true;
        }
        return false;
    }

    /// <summary>The union of many sets at once (sorting once, not once per set).</summary>
    public static IndexIntervals UnionAll(IEnumerable<IndexIntervals> sets)
    {
        var all = sets.SelectMany(s => s._ranges).ToList();
        all.Sort((a, b) => a.From.CompareTo(b.From));
        var merged = new List<(int, int)>();
        foreach (var (from, to) in all)
        {
            if (merged.Count > 0 && merged[^1].Item2 + 1 >= from) merged[^1] = (merged[^1].Item1, Math.Max(merged[^1].Item2, to));
            else merged.Add((from, to));
        }
        return new IndexIntervals([.. merged]);
    }

    public IndexIntervals Union(IndexIntervals other)
    {
        if (other.IsEmpty) return this;
        if (IsEmpty) return other;
        var all = _ranges.Concat(other._ranges).OrderBy(r => r.From).ToList();
        var merged = new List<(int, int)>();
        foreach (var (from, to) in all)
        {
            if (merged.Count > 0 && merged[^1].Item2 + 1 >= from) merged[^1] = (merged[^1].Item1, Math.Max(merged[^1].Item2, to));
            else merged.Add((from, to));
        }
        return new IndexIntervals([.. merged]);
    }

    /// <summary>The indexes of [0, count) not in this set.</summary>
    public IndexIntervals Complement(int count)
    {
        var result = new List<(int, int)>();
        int next = 0;
        foreach (var (from, to) in _ranges)
        {
            if (from > next) result.Add((next, from - 1));
            next = to + 1;
        }
        if (next < count) result.Add((next, count - 1));
        return new IndexIntervals([.. result]);
    }

    /// <summary>The membership test for an Int term.</summary>
    public string ToFormula(string term) => Smt.Smt.Or(_ranges.Select(r => r.From == r.To
        ? Smt.Smt.Eq(term, Smt.Smt.Int(r.From))
        : Smt.Smt.And(Smt.Smt.Le(Smt.Smt.Int(r.From), term), Smt.Smt.Le(term, Smt.Smt.Int(r.To)))));
}
