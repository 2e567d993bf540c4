using IamHarden.Analysis.Audit.Access;

namespace IamHarden.Cli.Commands;

/// <summary>Chooses how the audit answers its access questions (--analyzer).</summary>
internal static class AccessAnalyzers
{
    public static (IAccessAnalyzer Analyzer, string Method) Create(string kind, DateTimeOffset now) => kind switch
    {
        _ => (new SearchAccessAnalyzer(now), "search: realistic requests over the whole action catalog, replayed through the evaluator"),
    };
}
