using System.Globalization;

namespace IamHarden.Analysis.Prover.Smt;

/// <summary>An immutable set of UTF-16 characters, kept as sorted inclusive ranges; written as an SMT regex.</summary>
internal sealed class CharSet
{
    private readonly (char From, char To)[] _ranges;

    private CharSet((char, char)[] ranges) => _ranges = ranges;

    public static CharSet Empty { get; } = new([]);

    public static CharSet Of(IEnumerable<char> chars)
    {
        var sorted = chars.Distinct().Order().ToArray();
        var ranges = new List<(char, char)>();
        foreach (var c in sorted)
        {
            if (ranges.Count > 0 && ranges[^1].Item2 + 1 == c) ranges[^1] = (ranges[^1].Item1, c);
            else ranges.Add((c, c));
        }
        return new CharSet([.. ranges]);
    }

    public static CharSet Range(char from, char to) => new([(from, to)]);

    public bool IsEmpty => _ranges.Length == 0;

    public bool Contains(char c)
    {
        foreach (var (from, to) in _ranges)
            if (c >= from && c <= to) return true;
        return false;
    }

    public IEnumerable<char> Chars
    {
        get
        {
            foreach (var (from, to) in _ranges)
                for (int c = from; c <= to; c++) yield return (char)c;
        }
    }

    public CharSet Union(CharSet other) => Of(Chars.Concat(other.Chars));

    public CharSet Except(CharSet other) => Of(Chars.Where(c => !other.Contains(c)));

    public CharSet Intersect(CharSet other) => Of(Chars.Where(other.Contains));

    /// <summary>The regex matching exactly one character of the set.</summary>
    public string ToRegex()
    {
        if (_ranges.Length == 0) return SmtRegex.None;
        var parts = _ranges.Select(r => r.From == r.To ? $"(str.to_re {Smt.Str(r.From.ToString())})" : $"(re.range {Char(r.From)} {Char(r.To)})").ToList();
        return parts.Count == 1 ? parts[0] : "(re.union " + string.Join(' ', parts) + ")";
    }

    private static string Char(char c) => Smt.Str(c.ToString());

    public override string ToString() => string.Join(",", _ranges.Select(r => ((int)r.From).ToString("x", CultureInfo.InvariantCulture) + "-" + ((int)r.To).ToString("x", CultureInfo.InvariantCulture)));
}
