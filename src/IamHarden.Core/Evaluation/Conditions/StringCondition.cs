using IamHarden.Core.Matching;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Evaluation.Conditions;

/// <summary>StringEquals/NotEquals (case-sensitive), the IgnoreCase forms, and StringLike/NotLike (globs).</summary>
internal sealed class StringCondition : CompiledCondition
{
    private readonly VariableText[] _values;
    private readonly WildcardPattern?[] _constantPatterns;
    private readonly bool _like;
    private readonly StringComparison _comparison;

    public StringCondition(Condition source, bool substituteVariables) : base(source)
    {
        var kind = source.Operator.Kind;
        _like = kind is ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike;
        _comparison = kind is ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase
            ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        _values = source.Values.Select(v => new VariableText(v.Value, substituteVariables)).ToArray();
        _constantPatterns = _values.Select(v => _like && !v.HasVariables ? LikePattern(v.ResolvePieces(RequestContext.Empty)!) : null).ToArray();
    }

    private static readonly Func<List<ArnPatternCompiler.Piece>, WildcardPattern> CompileLike = LikePattern;

    public override IEnumerable<string> VariableKeys => _values.SelectMany(v => v.VariableKeys);

    protected override bool MatchesAnyPolicyValue(ContextValue value, int index, RequestContext context)
    {
        var text = value[index];
        for (int i = 0; i < _values.Length; i++)
        {
            if (_like)
            {
                var pattern = _constantPatterns[i] ?? _values[i].ResolvePattern(context, CompileLike);
                if (pattern is not null && pattern.IsMatch(text)) return true;
            }
            else
            {
                var expected = _values[i].Resolve(context);
                if (expected is not null && string.Equals(text, expected, _comparison)) return true;
            }
        }
        return false;
    }

    /// <summary>A StringLike glob: wildcards from the policy text; substituted and ${*}-escaped text is literal.</summary>
    internal static WildcardPattern LikePattern(List<ArnPatternCompiler.Piece> pieces)
    {
        if (pieces.Count == 1 && !pieces[0].IsLiteral) return WildcardPattern.Glob(pieces[0].Text, ignoreCase: false);
        var tokens = pieces.SelectMany(p => p.Text.Select(c => p.IsLiteral || (c != '*' && c != '?')
            ? new WildcardPattern.Token(WildcardPattern.TokenKind.Literal, c, false)
            : new WildcardPattern.Token(c == '*' ? WildcardPattern.TokenKind.AnyRun : WildcardPattern.TokenKind.AnyChar, c, false)));
        return WildcardPattern.FromTokens(string.Concat(pieces.Select(p => p.Text)), tokens.ToArray(), ignoreCase: false);
    }
}
