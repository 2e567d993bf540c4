namespace IamHarden.Core.Catalog;

/// <summary>
/// A compiled IAM-style wildcard over lower-case text: <c>*</c> matches any run of characters
/// (including none), <c>?</c> exactly one, everything else itself. Callers lower-case both the
/// pattern and the text once, so matching is ordinal and needs no per-character case folding.
/// </summary>
/// <remarks>
/// The pattern is split at its stars into segments. The first segment must sit at the start of
/// the text and the last at its end; each middle segment is then found left to right at its
/// earliest position, which is enough: taking an earlier occurrence never leaves less room for
/// the segments after it. The shapes policies use most (<c>Get*</c>, <c>*Mfa*</c>, <c>*Tags</c>)
/// go straight to the vectorised span comparisons.
/// </remarks>
internal sealed class LowercaseGlob
{
    private enum Shape { General, Exact, Prefix, Suffix, Contains, Anything }

    private readonly string[] segments;
    private readonly bool[] segmentHasQuestionMark;
    private readonly int minimumLength;
    private readonly Shape shape;
    private readonly string literal; // the one literal segment of the simple shapes

    private LowercaseGlob(string pattern)
    {
        Pattern = pattern;
        segments = pattern.Split('*');
        segmentHasQuestionMark = new bool[segments.Length];
        string longest = "";
        bool anyQuestionMark = false;
        for (int i = 0; i < segments.Length; i++)
        {
            minimumLength += segments[i].Length;
            segmentHasQuestionMark[i] = segments[i].Contains('?');
            anyQuestionMark |= segmentHasQuestionMark[i];
            foreach (var piece in segments[i].Split('?'))
            {
                if (piece.Length > longest.Length) longest = piece;
            }
        }
        LongestLiteralPiece = longest;

        var nonEmpty = Array.FindAll(segments, s => s.Length > 0);
        (shape, literal) = anyQuestionMark ? (Shape.General, "")
            : segments.Length == 1 ? (Shape.Exact, pattern)
            : nonEmpty.Length == 0 ? (Shape.Anything, "")
            : nonEmpty.Length > 1 ? (Shape.General, "")
            : segments.Length > 3 ? (Shape.General, "")
            : segments.Length == 3 ? (segments[0].Length == 0 && segments[2].Length == 0 ? Shape.Contains : Shape.General, nonEmpty[0])
            : segments[0].Length > 0 ? (Shape.Prefix, segments[0])
            : (Shape.Suffix, segments[1]);
    }

    /// <summary>The lower-case pattern this glob was compiled from.</summary>
    public string Pattern { get; }

    /// <summary>True when the pattern holds no <c>*</c> or <c>?</c>, so it matches only itself.</summary>
    public bool IsLiteral => shape == Shape.Exact;

    /// <summary>The longest run of the pattern without wildcards: text every match contains.</summary>
    public string LongestLiteralPiece { get; }

    /// <summary>Compiles a pattern; <paramref name="lowerCasePattern"/> must already be lower-case.</summary>
    public static LowercaseGlob Create(string lowerCasePattern) => new(lowerCasePattern);

    /// <summary>True when any of <c>*</c> or <c>?</c> occurs in <paramref name="text"/>.</summary>
    public static bool HasWildcard(string text) => text.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>Tests lower-case <paramref name="text"/> against the whole pattern.</summary>
    public bool IsMatch(ReadOnlySpan<char> text) => shape switch
    {
        Shape.Exact => text.SequenceEqual(literal),
        Shape.Prefix => text.StartsWith(literal),
        Shape.Suffix => text.EndsWith(literal),
        Shape.Contains => text.IndexOf(literal) >= 0,
        Shape.Anything => true,
        _ => IsMatchGeneral(text),
    };

    private bool IsMatchGeneral(ReadOnlySpan<char> text)
    {
        if (segments.Length == 1)
            return text.Length == segments[0].Length && SegmentMatchesAt(text, 0, 0);
        if (text.Length < minimumLength) return false;

        int last = segments.Length - 1;
        if (!SegmentMatchesAt(text, 0, 0)) return false;
        if (!SegmentMatchesAt(text, text.Length - segments[last].Length, last)) return false;

        int position = segments[0].Length;
        int end = text.Length - segments[last].Length;
        for (int i = 1; i < last; i++)
        {
            if (segments[i].Length == 0) continue;
            int found = FindSegment(text[position..end], i);
            if (found < 0) return false;
            position += found + segments[i].Length;
        }
        return true;
    }

    private int FindSegment(ReadOnlySpan<char> window, int segmentIndex)
    {
        var segment = segments[segmentIndex];
        if (!segmentHasQuestionMark[segmentIndex]) return window.IndexOf(segment.AsSpan());
        for (int start = 0; start + segment.Length <= window.Length; start++)
        {
            if (SegmentMatchesAt(window, start, segmentIndex)) return start;
        }
        return -1;
    }

    private bool SegmentMatchesAt(ReadOnlySpan<char> text, int start, int segmentIndex)
    {
        var segment = segments[segmentIndex];
        if (!segmentHasQuestionMark[segmentIndex]) return text.Slice(start, segment.Length).SequenceEqual(segment);
        for (int i = 0; i < segment.Length; i++)
        {
            if (segment[i] != '?' && segment[i] != text[start + i]) return false;
        }
        return true;
    }
}
