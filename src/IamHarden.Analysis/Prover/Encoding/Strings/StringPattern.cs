using IamHarden.Core.Matching;

namespace IamHarden.Analysis.Prover.Encoding.Strings;

/// <summary>A constant pattern a string is compared with: the evaluator's compiled wildcard pattern and whether it ignores case.</summary>
internal readonly record struct StringPattern(WildcardPattern Pattern, bool IgnoreCase)
{
    /// <summary>The evaluator's own answer (the pattern was compiled with the same case rule).</summary>
    public bool IsMatch(string text) => Pattern.IsMatch(text);

    public string Key => (IgnoreCase ? "i:" : "c:") + string.Join(",", Pattern.Tokens.Select(t => $"{(int)t.Kind}{(t.ExcludesColon ? "x" : "")}{(int)t.Char}"));
}
