using IamHarden.Analysis.Prover.Smt;

namespace IamHarden.Analysis.Prover.Encoding.Strings;

/// <summary>The first pass over a query: records which patterns a string meets and whether it meets symbolic text, so the planner can choose its representation.</summary>
internal sealed class RecordingValue(StringPlanner planner, string owner) : IStringValue
{
    public string Matches(StringPattern pattern)
    {
        planner.Record(owner, pattern);
        return "recorded";
    }

    public string Term()
    {
        planner.MarkSymbolic(owner);
        return "recorded";
    }

    public void Declare(SmtScript script) { }

    public IEnumerable<string> ModelSymbols() => [];

    public string Decode(Func<SmtValueReader.Value> next) => throw new InvalidOperationException("recording pass");
}
