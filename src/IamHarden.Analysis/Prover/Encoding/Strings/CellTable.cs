using IamHarden.Analysis.Prover.Smt;
using TokenKind = IamHarden.Core.Matching.WildcardPattern.TokenKind;

namespace IamHarden.Analysis.Prover.Encoding.Strings;

/// <summary>
/// The "cells" of a set of constant patterns: the distinct combinations of patterns that some
/// string matches (and the others it does not), each with the shortest such string. When a
/// string (a resource, a context value) is only ever compared with constant patterns, the solver
/// need not reason about strings at all: it picks a cell, and each pattern's test becomes a
/// lookup. Found by walking all patterns' automata in step over classes of characters that the
/// patterns cannot tell apart; a limit on the states walked keeps hostile pattern sets from
/// taking long (the caller then falls back to string reasoning).
/// </summary>
internal sealed class CellTable
{
    private readonly IndexIntervals[] _matching;

    private CellTable(IReadOnlyList<string> witnesses, IndexIntervals[] matching)
    {
        Witnesses = witnesses;
        _matching = matching;
    }

    /// <summary>One string per cell, the shortest that lands in it.</summary>
    public IReadOnlyList<string> Witnesses { get; }

    public int Count => Witnesses.Count;

    /// <summary>The cells whose strings match pattern <paramref name="pattern"/> (an index into the patterns given to <see cref="Build"/>).</summary>
    public IndexIntervals Matching(int pattern) => _matching[pattern];

    private readonly record struct Item(CharSet Set, bool Repeats);

    /// <summary>The table, or null when the patterns need more than <paramref name="stateLimit"/> automaton states.</summary>
    public static CellTable? Build(IReadOnlyList<StringPattern> patterns, CharSet alphabet, int stateLimit = 1500)
    {
        var anyButColon = alphabet.Except(CharSet.Of(":"));
        var items = patterns.Select(p => p.Pattern.Tokens.Select(t => t.Kind switch
        {
            TokenKind.AnyRun => new Item(t.ExcludesColon ? anyButColon : alphabet, true),
            TokenKind.AnyChar => new Item(t.ExcludesColon ? anyButColon : alphabet, false),
            _ => new Item(p.IgnoreCase ? CaseVariants(t.Char, alphabet) : CharSet.Of([t.Char]), false),
        }).ToArray()).ToArray();
        var classes = Classes(items, alphabet);

        // Positions of all patterns numbered globally: position i of pattern p is first[p] + i; the last one accepts.
        var first = new int[items.Length + 1];
        for (int p = 0; p < items.Length; p++) first[p + 1] = first[p] + items[p].Length + 1;
        int positions = first[items.Length];
        var owner = new int[positions];
        var accepting = new bool[positions];
        var repeats = new bool[positions];
        var takes = new bool[positions][];
        for (int p = 0; p < items.Length; p++)
        {
            for (int i = 0; i <= items[p].Length; i++)
            {
                int id = first[p] + i;
                owner[id] = p;
                accepting[id] = i == items[p].Length;
                if (accepting[id]) { takes[id] = new bool[classes.Count]; continue; }
                repeats[id] = items[p][i].Repeats;
                var set = items[p][i].Set;
                takes[id] = classes.Select(set.Contains).ToArray();
            }
        }
        // A '*' may match nothing: being before it means being after it too.
        var closure = new int[positions][];
        for (int id = positions - 1; id >= 0; id--)
            closure[id] = repeats[id] ? [id, .. closure[id + 1]] : [id];

        var seen = new HashSet<int[]>(StateComparer.Instance);
        var queue = new Queue<(int[] State, string Witness)>();
        var cells = new Dictionary<string, (string Witness, bool[] Accepts)>(StringComparer.Ordinal);
        var mark = new bool[positions];
        var scratch = new List<int>();
        var normalized = new List<int>();
        int[] Normalize(List<int> ids)
        {
            normalized.Clear();
            foreach (var id in ids)
                foreach (var c in closure[id])
                    if (!mark[c]) { mark[c] = true; normalized.Add(c); }
            foreach (var id in normalized) mark[id] = false;
            normalized.Sort();
            return [.. normalized];
        }
        void Visit(int[] state, string witness)
        {
            if (!seen.Add(state)) return;
            var accepts = new bool[items.Length];
            foreach (var id in state) if (accepting[id]) accepts[owner[id]] = true;
            cells.TryAdd(new string(accepts.Select(a => a ? '1' : '0').ToArray()), (witness, accepts));
            queue.Enqueue((state, witness));
        }
        Visit(Normalize(Enumerable.Range(0, items.Length).Select(p => first[p]).ToList()), "");
        while (queue.Count > 0)
        {
            if (seen.Count > stateLimit) return null;
            var (state, witness) = queue.Dequeue();
            for (int k = 0; k < classes.Count; k++)
            {
                scratch.Clear();
                foreach (var id in state)
                    if (!accepting[id] && takes[id][k]) scratch.Add(repeats[id] ? id : id + 1);
                Visit(Normalize(scratch), witness + classes[k]);
            }
        }
        var list = cells.Values.ToList();
        var matching = Enumerable.Range(0, items.Length)
            .Select(p => IndexIntervals.FromSortedIndexes(Enumerable.Range(0, list.Count).Where(c => list[c].Accepts[p]))).ToArray();
        return new CellTable(list.Select(c => c.Witness).ToList(), matching);
    }

    private sealed class StateComparer : IEqualityComparer<int[]>
    {
        public static readonly StateComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] state)
        {
            var hash = new HashCode();
            foreach (var id in state) hash.Add(id);
            return hash.ToHashCode();
        }
    }

    /// <summary>One representative character per class of characters every item treats alike; readable ones first.</summary>
    private static List<char> Classes(Item[][] items, CharSet alphabet)
    {
        var sets = items.SelectMany(i => i).Select(i => i.Set).DistinctBy(s => s.ToString()).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<char>();
        foreach (var c in alphabet.Chars.OrderBy(Readability))
        {
            var signature = new string(sets.Select(s => s.Contains(c) ? '1' : '0').ToArray());
            if (seen.Add(signature)) result.Add(c);
        }
        return result;
    }

    private static int Readability(char c) => c switch
    {
        >= 'a' and <= 'z' => 0,
        >= '0' and <= '9' => 1,
        >= 'A' and <= 'Z' => 2,
        '-' or '_' or '.' or '/' => 3,
        > ' ' and <= '~' => 4,
        _ => 5 + c,
    };

    private static CharSet CaseVariants(char c, CharSet alphabet)
    {
        var upper = char.ToUpperInvariant(c);
        return CharSet.Of(alphabet.Chars.Where(a => char.ToUpperInvariant(a) == upper).Append(c));
    }
}
