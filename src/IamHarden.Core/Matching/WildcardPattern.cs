namespace IamHarden.Core.Matching;

/// <summary>
/// A compiled IAM glob: <c>*</c> matches any run of characters (also empty), <c>?</c> exactly one.
/// Each wildcard may be restricted so it never matches a colon — that is how ARN segments behave
/// (spec §4.1). Matching is linear for ordinary patterns and O(n·m) in the worst case, never
/// exponential, so hostile policies cannot hang the evaluator.
/// </summary>
public sealed class WildcardPattern
{
    private enum Shape { Everything, Exact, Prefix, Suffix, General }

    private readonly Token[] _tokens;
    private readonly Shape _shape;
    private readonly string _literal;
    private readonly bool _ignoreCase;
    private readonly bool _hasRestrictedStar;

    /// <summary>One element of the pattern: a literal character, <c>?</c> or <c>*</c>.</summary>
    internal readonly record struct Token(TokenKind Kind, char Char, bool ExcludesColon);

    internal enum TokenKind : byte { Literal, AnyChar, AnyRun }

    private WildcardPattern(string text, Token[] tokens, bool ignoreCase)
    {
        Text = text;
        _tokens = tokens;
        _ignoreCase = ignoreCase;
        _literal = "";
        int stars = 0;
        bool hasQuestion = false;
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.AnyRun) { stars++; _hasRestrictedStar |= token.ExcludesColon; }
            else if (token.Kind == TokenKind.AnyChar) hasQuestion = true;
        }
        if (tokens.Length == 1 && tokens[0] is { Kind: TokenKind.AnyRun, ExcludesColon: false }) _shape = Shape.Everything;
        else if (stars == 0 && !hasQuestion) { _shape = Shape.Exact; _literal = Literal(tokens, 0, tokens.Length, text); }
        else if (stars == 1 && !hasQuestion && !_hasRestrictedStar && tokens[^1].Kind == TokenKind.AnyRun) { _shape = Shape.Prefix; _literal = Literal(tokens, 0, tokens.Length - 1, text); }
        else if (stars == 1 && !hasQuestion && !_hasRestrictedStar && tokens[0].Kind == TokenKind.AnyRun) { _shape = Shape.Suffix; _literal = Literal(tokens, 1, tokens.Length, text); }
        else _shape = Shape.General;
    }

    /// <summary>The pattern text it was compiled from (after variable substitution, if any).</summary>
    public string Text { get; }

    /// <summary>True when the pattern has no wildcard at all.</summary>
    public bool IsLiteral => _shape == Shape.Exact;

    /// <summary>True for the pattern that matches everything ("*").</summary>
    public bool MatchesEverything => _shape == Shape.Everything;

    /// <summary>The literal text before the first wildcard (useful for indexing).</summary>
    public string LiteralPrefix => _shape is Shape.Exact or Shape.Prefix ? _literal : Literal(_tokens, 0, Array.FindIndex(_tokens, t => t.Kind != TokenKind.Literal) is var i and >= 0 ? i : _tokens.Length, null);

    internal IReadOnlyList<Token> Tokens => _tokens;

    /// <summary>A plain glob where every wildcard may match any character (actions, condition strings).</summary>
    public static WildcardPattern Glob(string pattern, bool ignoreCase)
    {
        var tokens = new Token[pattern.Length];
        for (int i = 0; i < pattern.Length; i++)
            tokens[i] = pattern[i] switch
            {
                '*' => new Token(TokenKind.AnyRun, '*', false),
                '?' => new Token(TokenKind.AnyChar, '?', false),
                var c => new Token(TokenKind.Literal, c, false),
            };
        return new WildcardPattern(pattern, Collapse(tokens), ignoreCase);
    }

    /// <summary>A pattern built from pre-made tokens (used by ARN patterns and variable substitution); the array becomes the pattern's.</summary>
    internal static WildcardPattern FromTokens(string text, Token[] tokens, bool ignoreCase) =>
        new(text, Collapse(tokens), ignoreCase);

    /// <summary>A pattern that matches exactly <paramref name="text"/> (wildcard characters in it are literal).</summary>
    public static WildcardPattern Literally(string text, bool ignoreCase)
    {
        var tokens = new Token[text.Length];
        for (int i = 0; i < text.Length; i++) tokens[i] = new Token(TokenKind.Literal, text[i], false);
        return new(text, tokens, ignoreCase);
    }

    public bool IsMatch(ReadOnlySpan<char> input)
    {
        var comparison = _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return _shape switch
        {
            Shape.Everything => true,
            Shape.Exact => input.Equals(_literal, comparison),
            Shape.Prefix => input.StartsWith(_literal, comparison),
            Shape.Suffix => input.EndsWith(_literal, comparison),
            _ => _hasRestrictedStar ? MatchWithStateSet(input) : MatchGreedy(input),
        };
    }

    /// <summary>
    /// The classic greedy match with one backtrack point: correct whenever every star matches any
    /// character, and linear in practice.
    /// </summary>
    private bool MatchGreedy(ReadOnlySpan<char> input)
    {
        int t = 0, s = 0, starToken = -1, starInput = 0;
        var tokens = _tokens;
        while (s < input.Length)
        {
            if (t < tokens.Length && tokens[t].Kind == TokenKind.AnyRun)
            {
                starToken = t++;
                starInput = s;
            }
            else if (t < tokens.Length && Accepts(tokens[t], input[s]))
            {
                t++;
                s++;
            }
            else if (starToken >= 0)
            {
                t = starToken + 1;
                s = ++starInput;
            }
            else return false;
        }
        while (t < tokens.Length && tokens[t].Kind == TokenKind.AnyRun) t++;
        return t == tokens.Length;
    }

    /// <summary>
    /// A set-of-states simulation (Thompson NFA) for patterns whose stars may not cross colons,
    /// where the greedy algorithm would be wrong. O(input × pattern), no backtracking.
    /// </summary>
    private bool MatchWithStateSet(ReadOnlySpan<char> input)
    {
        var tokens = _tokens;
        int m = tokens.Length;
        Span<bool> current = m + 1 <= 512 ? stackalloc bool[m + 1] : new bool[m + 1];
        Span<bool> next = m + 1 <= 512 ? stackalloc bool[m + 1] : new bool[m + 1];
        current.Clear();
        current[0] = true;
        Close(current, tokens);
        foreach (var c in input)
        {
            next.Clear();
            bool any = false;
            for (int j = 0; j < m; j++)
            {
                if (!current[j]) continue;
                var token = tokens[j];
                if (token.Kind == TokenKind.AnyRun)
                {
                    if (!(token.ExcludesColon && c == ':')) { next[j] = true; any = true; }
                }
                else if (Accepts(token, c)) { next[j + 1] = true; any = true; }
            }
            if (!any) return false;
            Close(next, tokens);
            var swap = current;
            current = next;
            next = swap;
        }
        return current[m];
    }

    private static void Close(Span<bool> states, Token[] tokens)
    {
        for (int j = 0; j < tokens.Length; j++)
            if (states[j] && tokens[j].Kind == TokenKind.AnyRun) states[j + 1] = true;
    }

    private bool Accepts(Token token, char c) => token.Kind switch
    {
        TokenKind.AnyChar => !(token.ExcludesColon && c == ':'),
        TokenKind.Literal => token.Char == c || (_ignoreCase && char.ToUpperInvariant(token.Char) == char.ToUpperInvariant(c)),
        _ => true,
    };

    /// <summary>Consecutive stars are one star (the unrestricted one wins). Collapses in place; copies only when it shortened the array.</summary>
    private static Token[] Collapse(Token[] tokens)
    {
        int count = 0;
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.AnyRun && count > 0 && tokens[count - 1].Kind == TokenKind.AnyRun)
            {
                if (!token.ExcludesColon) tokens[count - 1] = token;
                continue;
            }
            tokens[count++] = token;
        }
        return count == tokens.Length ? tokens : tokens.AsSpan(0, count).ToArray();
    }

    /// <summary>The characters of literal tokens [from, to): the pattern text itself when the tokens spell all of it.</summary>
    private static string Literal(Token[] tokens, int from, int to, string? text)
    {
        if (from == 0 && to == tokens.Length && text is not null && text.Length == tokens.Length) return text;
        return string.Create(to - from, (tokens, from), static (span, state) =>
        {
            for (int i = 0; i < span.Length; i++) span[i] = state.tokens[state.from + i].Char;
        });
    }

    public override string ToString() => Text;
}
