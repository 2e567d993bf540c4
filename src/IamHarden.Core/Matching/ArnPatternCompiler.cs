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
        var text = pieces.Count == 1 ? pieces[0].Text : string.Concat(pieces.Select(p => p.Text));
        // Which characters came from literal pieces (substituted values, ${*}): those are never wildcards.
        Span<bool> literal = text.Length <= 256 ? stackalloc bool[text.Length] : new bool[text.Length];
        int at = 0;
        foreach (var piece in pieces)
        {
            literal.Slice(at, piece.Text.Length).Fill(piece.IsLiteral);
            at += piece.Text.Length;
        }

        var tokens = new WildcardPattern.Token[text.Length];
        int colons = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool inPrefix = colons < 5;
            if (!literal[i] && c == '*')
            {
                // "The last character of its component" looks at the next character, whichever piece it is in.
                bool lastOfComponent = i + 1 == text.Length || text[i + 1] == ':';
                bool excludesColon = inPrefix && !(resourceElement && lastOfComponent);
                tokens[i] = new WildcardPattern.Token(WildcardPattern.TokenKind.AnyRun, '*', excludesColon);
            }
            else if (!literal[i] && c == '?')
            {
                tokens[i] = new WildcardPattern.Token(WildcardPattern.TokenKind.AnyChar, '?', inPrefix);
            }
            else
            {
                tokens[i] = new WildcardPattern.Token(WildcardPattern.TokenKind.Literal, c, false);
                if (c == ':') colons++;
            }
        }
        return WildcardPattern.FromTokens(text, tokens, ignoreCase: false);
    }
}
