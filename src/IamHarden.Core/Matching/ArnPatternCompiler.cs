namespace IamHarden.Core.Matching;

/// <summary>
/// Turns ARN patterns into <see cref="WildcardPattern"/>s with IAM's segment rules (spec §4):
/// in the first five components (partition, service, region, account — up to the fifth colon)
/// a wildcard never matches a colon, except, in the Resource element, a <c>*</c> that is the last
/// character of its component, which may run across colons ("arn:aws:s3:*"). In the resource part
/// (after the fifth colon) wildcards match anything, "/" and ":" included. Matching is case-sensitive.
/// </summary>
public static class ArnPatternCompiler
{
    /// <summary>A piece of pattern text: wildcard-bearing policy text, or literal text (a substituted variable value, or ${*}).</summary>
    public readonly record struct Piece(string Text, bool IsLiteral);

    /// <summary>Compiles a pattern as the Resource/NotResource element reads it.</summary>
    public static WildcardPattern ForResourceElement(string pattern) => Compile([new Piece(pattern, false)], resourceElement: true);

    /// <summary>Compiles a Resource/NotResource pattern whose variables were replaced by literal values.</summary>
    public static WildcardPattern ForResourceElement(IReadOnlyList<Piece> pieces) => Compile(pieces, resourceElement: true);

    /// <summary>Compiles a pattern as ArnLike/ArnEquals read it: no wildcard ever crosses a colon in the first five components.</summary>
    public static WildcardPattern ForCondition(IReadOnlyList<Piece> pieces) => Compile(pieces, resourceElement: false);

    public static WildcardPattern ForCondition(string pattern) => Compile([new Piece(pattern, false)], resourceElement: false);

    private static WildcardPattern Compile(IReadOnlyList<Piece> pieces, bool resourceElement)
    {
        // Flatten to (char, isWildcardCandidate) so the "last character of its component" test can look ahead.
        var chars = new List<(char C, bool Literal)>();
        foreach (var piece in pieces)
            foreach (var c in piece.Text) chars.Add((c, piece.IsLiteral));

        var tokens = new List<WildcardPattern.Token>(chars.Count);
        int colons = 0;
        for (int i = 0; i < chars.Count; i++)
        {
            var (c, literal) = chars[i];
            bool inPrefix = colons < 5;
            if (!literal && c == '*')
            {
                bool lastOfComponent = i + 1 == chars.Count || chars[i + 1].C == ':';
                bool excludesColon = inPrefix && !(resourceElement && lastOfComponent);
                tokens.Add(new WildcardPattern.Token(WildcardPattern.TokenKind.AnyRun, '*', excludesColon));
            }
            else if (!literal && c == '?')
            {
                tokens.Add(new WildcardPattern.Token(WildcardPattern.TokenKind.AnyChar, '?', inPrefix));
            }
            else
            {
                tokens.Add(new WildcardPattern.Token(WildcardPattern.TokenKind.Literal, c, false));
                if (c == ':') colons++;
            }
        }
        var text = string.Concat(pieces.Select(p => p.Text));
        return WildcardPattern.FromTokens(text, tokens, ignoreCase: false);
    }
}
