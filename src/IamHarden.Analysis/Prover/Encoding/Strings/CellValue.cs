using IamHarden.Analysis.Prover.Smt;

namespace IamHarden.Analysis.Prover.Encoding.Strings;

/// <summary>A string held as the number of its cell (<see cref="CellTable"/>): pattern tests are lookups, no string reasoning.</summary>
internal sealed class CellValue(string symbol, CellTable table, IReadOnlyDictionary<string, int> patternIndex) : IStringValue
{
    public string Matches(StringPattern pattern) =>
        patternIndex.TryGetValue(pattern.Key, out var index)
            ? table.Matching(index).ToFormula(symbol)
            : throw new InvalidOperationException("pattern was not planned: " + pattern.Pattern.Text);

    public string Term() => throw new InvalidOperationException("a string held as a cell has no string term (the planner should have chosen text)");

    public void Declare(SmtScript script)
    {
        script.Declare(symbol, "Int");
        script.Assert($"(and (<= 0 {symbol}) (< {symbol} {table.Count}))");
    }

    public IEnumerable<string> ModelSymbols() => [symbol];

    public string Decode(Func<SmtValueReader.Value> next) => table.Witnesses[(int)next().AsInteger()];
}
