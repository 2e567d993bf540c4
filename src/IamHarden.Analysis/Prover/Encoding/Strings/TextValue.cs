using IamHarden.Analysis.Prover.Smt;

namespace IamHarden.Analysis.Prover.Encoding.Strings;

/// <summary>A string the solver reasons about as a string (needed when policy variables compare it with other unknown strings).</summary>
internal sealed class TextValue(string symbol, PatternEncoder patterns, CharSet alphabet) : IStringValue
{
    public string Matches(StringPattern pattern) => patterns.Match(symbol, pattern.Pattern, pattern.IgnoreCase);

    public string Term() => symbol;

    public void Declare(SmtScript script)
    {
        script.Declare(symbol, "String");
        script.Assert(Smt.Smt.InRegex(symbol, SmtRegex.Star(alphabet.ToRegex())));
    }

    public IEnumerable<string> ModelSymbols() => [symbol];

    public string Decode(Func<SmtValueReader.Value> next) => next().AsString();
}
