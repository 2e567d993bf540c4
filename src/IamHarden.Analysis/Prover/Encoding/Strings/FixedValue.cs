using IamHarden.Analysis.Prover.Smt;

namespace IamHarden.Analysis.Prover.Encoding.Strings;

/// <summary>A string whose value is known (the user's name, a pinned context value): every test is decided here, by the evaluator's own matcher.</summary>
internal sealed class FixedValue(string value) : IStringValue
{
    public string Value => value;

    public string Matches(StringPattern pattern) => pattern.IsMatch(value) ? Smt.Smt.True : Smt.Smt.False;

    public string Term() => Smt.Smt.Str(value);

    public void Declare(SmtScript script) { }

    public IEnumerable<string> ModelSymbols() => [];

    public string Decode(Func<SmtValueReader.Value> next) => value;
}
