using IamHarden.Analysis.Prover.Smt;
using IamHarden.Core.Matching;
using Token = IamHarden.Core.Matching.WildcardPattern.Token;
using TokenKind = IamHarden.Core.Matching.WildcardPattern.TokenKind;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// Encodes wildcard matching — the evaluator's own compiled tokens, so IAM's ARN segment rules
/// (no colon in a segment's wildcard, except a trailing one in the Resource element) come out the
/// same — as SMT regular expressions over the query's alphabet. A pattern may contain holes: the
/// substituted values of policy variables, which are symbolic strings and always literal.
/// </summary>
internal sealed class PatternEncoder(CharSet alphabet)
{
    private readonly string _any = alphabet.ToRegex();
    private readonly string _anyButColon = alphabet.Except(CharSet.Of(":")).ToRegex();
    private readonly Dictionary<char, string> _caseClasses = [];

    /// <summary>A piece of a pattern: compiled tokens, or a hole holding a symbolic literal string.</summary>
    public readonly record struct Segment(IReadOnlyList<Token>? Tokens, string? Hole)
    {
        public bool IsHole => Hole is not null;
    }

    /// <summary>Whether <paramref name="text"/> matches a constant pattern.</summary>
    public string Match(string text, WildcardPattern pattern, bool ignoreCase)
    {
        if (pattern.MatchesEverything) return Smt.Smt.True;
        if (pattern.IsLiteral && !ignoreCase) return Smt.Smt.Eq(text, Smt.Smt.Str(pattern.Text));
        return Smt.Smt.InRegex(text, Regex(pattern.Tokens, ignoreCase));
    }

    /// <summary>The regex of a token sequence.</summary>
    public string Regex(IEnumerable<Token> tokens, bool ignoreCase)
    {
        var builder = new SmtRegex.Builder();
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.AnyRun: builder.Regex(SmtRegex.Star(token.ExcludesColon ? _anyButColon : _any)); break;
                case TokenKind.AnyChar: builder.Regex(token.ExcludesColon ? _anyButColon : _any); break;
                default:
                    if (ignoreCase) builder.Regex(CaseClass(token.Char));
                    else builder.Char(token.Char);
                    break;
            }
        }
        return builder.Build();
    }

    /// <summary>
    /// Splits compiled tokens at placeholder characters (which stood for variable values while the
    /// evaluator's compiler ran) into token runs and holes.
    /// </summary>
    public static List<Segment> Split(IReadOnlyList<Token> tokens, IReadOnlyDictionary<char, string> holes)
    {
        var segments = new List<Segment>();
        var run = new List<Token>();
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Literal && holes.TryGetValue(token.Char, out var hole))
            {
                segments.Add(new Segment(run.ToArray(), null));
                run.Clear();
                segments.Add(new Segment(null, hole));
            }
            else run.Add(token);
        }
        segments.Add(new Segment(run.ToArray(), null));
        return segments;
    }

    /// <summary>
    /// Whether <paramref name="text"/> matches token runs and holes in sequence (runs and holes
    /// alternate, starting and ending with a run). When at most one run has a '*', every piece's
    /// position follows from the lengths and the formula has no quantifier; otherwise the hole
    /// positions are existentially quantified.
    /// </summary>
    public string Match(string text, IReadOnlyList<Segment> segments, bool ignoreCase)
    {
        if (segments.Count == 1) return Smt.Smt.InRegex(text, Regex(segments[0].Tokens!, ignoreCase));
        var runs = segments.Where(s => !s.IsHole).Select(s => s.Tokens!).ToList();
        var holes = segments.Where(s => s.IsHole).Select(s => s.Hole!).ToList();
        var variable = Enumerable.Range(0, runs.Count).Where(i => runs[i].Any(t => t.Kind == TokenKind.AnyRun)).ToList();
        return variable.Count <= 1 ? Positioned(text, runs, holes, variable.Count == 1 ? variable[0] : -1, ignoreCase) : Quantified(text, runs, holes, ignoreCase);
    }

    private string Positioned(string text, List<IReadOnlyList<Token>> runs, List<string> holes, int variableRun, bool ignoreCase)
    {
        static bool Literal(IReadOnlyList<Token> run) => run.All(t => t.Kind == TokenKind.Literal);
        string LiteralText(IReadOnlyList<Token> run) => Smt.Smt.Str(new string(run.Select(t => t.Char).ToArray()));
        int lastLeft = variableRun < 0 ? runs.Count - 1 : variableRun - 1;

        // Literal text and holes from either end are prefix and suffix tests, which the solver handles well.
        if (!ignoreCase && Enumerable.Range(0, runs.Count).Where(i => i != variableRun).All(i => Literal(runs[i])))
        {
            var leftParts = new List<string>();
            for (int i = 0; i <= lastLeft; i++)
            {
                if (runs[i].Count > 0) leftParts.Add(LiteralText(runs[i]));
                if (i < holes.Count) leftParts.Add(holes[i]);
            }
            if (variableRun < 0) return Smt.Smt.Eq(text, Smt.Smt.Concat(leftParts));
            var rightParts = new List<string>();
            for (int i = variableRun + 1; i < runs.Count; i++)
            {
                rightParts.Add(holes[i - 1]);
                if (runs[i].Count > 0) rightParts.Add(LiteralText(runs[i]));
            }
            var left = Smt.Smt.Concat(leftParts);
            var right = Smt.Smt.Concat(rightParts);
            var parts = new List<string>();
            if (leftParts.Count > 0) parts.Add($"(str.prefixof {left} {text})");
            if (rightParts.Count > 0) parts.Add($"(str.suffixof {right} {text})");
            string leftLength = leftParts.Count > 0 ? Smt.Smt.Length(left) : "0", rightLength = rightParts.Count > 0 ? Smt.Smt.Length(right) : "0";
            parts.Add(Smt.Smt.Le(Smt.Smt.Add([leftLength, rightLength]), Smt.Smt.Length(text)));
            var middle = Smt.Smt.Substring(text, leftLength, Smt.Smt.Sub(Smt.Smt.Sub(Smt.Smt.Length(text), leftLength), rightLength));
            parts.Add(Smt.Smt.InRegex(middle, Regex(runs[variableRun], ignoreCase)));
            return Smt.Smt.And(parts);
        }
        return PositionedBySubstrings(text, runs, holes, variableRun, ignoreCase);
    }

    private string PositionedBySubstrings(string text, List<IReadOnlyList<Token>> runs, List<string> holes, int variableRun, bool ignoreCase)
    {
        var parts = new List<string>();
        var fixedLength = new List<string>();
        // Left of the variable run (or everything): offsets grow from 0.
        string offset = "0";
        int lastLeft = variableRun < 0 ? runs.Count - 1 : variableRun - 1;
        for (int i = 0; i <= lastLeft; i++)
        {
            parts.Add(RunAt(text, runs[i], offset, ignoreCase));
            offset = Smt.Smt.Add([offset, runs[i].Count.ToString()]);
            fixedLength.Add(runs[i].Count.ToString());
            if (i < holes.Count)
            {
                parts.Add(Smt.Smt.Eq(Smt.Smt.Substring(text, offset, Smt.Smt.Length(holes[i])), holes[i]));
                offset = Smt.Smt.Add([offset, Smt.Smt.Length(holes[i])]);
                fixedLength.Add(Smt.Smt.Length(holes[i]));
            }
        }
        if (variableRun < 0)
            return Smt.Smt.And([Smt.Smt.Eq(Smt.Smt.Length(text), offset), .. parts]);

        // Right of the variable run: offsets shrink from the end.
        string end = Smt.Smt.Length(text);
        for (int i = runs.Count - 1; i > variableRun; i--)
        {
            end = Smt.Smt.Sub(end, runs[i].Count.ToString());
            parts.Add(RunAt(text, runs[i], end, ignoreCase));
            fixedLength.Add(runs[i].Count.ToString());
            var hole = holes[i - 1];
            end = Smt.Smt.Sub(end, Smt.Smt.Length(hole));
            parts.Add(Smt.Smt.Eq(Smt.Smt.Substring(text, end, Smt.Smt.Length(hole)), hole));
            fixedLength.Add(Smt.Smt.Length(hole));
        }
        var middle = Smt.Smt.Substring(text, offset, Smt.Smt.Sub(end, offset));
        parts.Add(Smt.Smt.InRegex(middle, Regex(runs[variableRun], ignoreCase)));
        return Smt.Smt.And([Smt.Smt.Le(Smt.Smt.Add(fixedLength), Smt.Smt.Length(text)), .. parts]);
    }

    private string RunAt(string text, IReadOnlyList<Token> run, string offset, bool ignoreCase)
    {
        if (run.Count == 0) return Smt.Smt.True;
        var piece = Smt.Smt.Substring(text, offset, run.Count.ToString());
        if (!ignoreCase && run.All(t => t.Kind == TokenKind.Literal)) return Smt.Smt.Eq(piece, Smt.Smt.Str(new string(run.Select(t => t.Char).ToArray())));
        return Smt.Smt.InRegex(piece, Regex(run, ignoreCase));
    }

    private string Quantified(string text, List<IReadOnlyList<Token>> runs, List<string> holes, bool ignoreCase)
    {
        // Hole i starts at position p_i; run 0 is text[0, p_0), run i text[p_{i-1} + |hole|, p_i), the last one up to the end.
        var names = holes.Select((_, i) => $"pos{i}").ToList();
        var parts = new List<string>();
        string previousEnd = "0";
        for (int i = 0; i < holes.Count; i++)
        {
            parts.Add(Smt.Smt.Le(previousEnd, names[i]));
            parts.Add(Smt.Smt.InRegex(Smt.Smt.Substring(text, previousEnd, Smt.Smt.Sub(names[i], previousEnd)), Regex(runs[i], ignoreCase)));
            parts.Add(Smt.Smt.Eq(Smt.Smt.Substring(text, names[i], Smt.Smt.Length(holes[i])), holes[i]));
            previousEnd = Smt.Smt.Add([names[i], Smt.Smt.Length(holes[i])]);
        }
        parts.Add(Smt.Smt.Le(previousEnd, Smt.Smt.Length(text)));
        parts.Add(Smt.Smt.InRegex(Smt.Smt.Substring(text, previousEnd, Smt.Smt.Sub(Smt.Smt.Length(text), previousEnd)), Regex(runs[^1], ignoreCase)));
        return $"(exists ({string.Join(' ', names.Select(n => $"({n} Int)"))}) {Smt.Smt.And(parts)})";
    }

    /// <summary>The alphabet's characters equal to <paramref name="c"/> ignoring case, as OrdinalIgnoreCase compares them.</summary>
    private string CaseClass(char c)
    {
        if (_caseClasses.TryGetValue(c, out var regex)) return regex;
        var upper = char.ToUpperInvariant(c);
        var set = CharSet.Of(alphabet.Chars.Where(a => char.ToUpperInvariant(a) == upper).Append(c));
        return _caseClasses[c] = set.ToRegex();
    }
}
