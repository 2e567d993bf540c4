using IamHarden.Analysis.Audit.Access;
using IamHarden.Analysis.Prover.Z3;

namespace IamHarden.Cli.Commands;

/// <summary>Chooses how the audit answers its access questions (--analyzer).</summary>
internal static class AccessAnalyzers
{
    private const string SearchMethod = "search: realistic requests over the whole action catalog, replayed through the evaluator";
    private const string ProverMethod = "prover: Z3 proofs over every action, resource and context; counterexamples replayed through the evaluator";

    public static (IAccessAnalyzer Analyzer, string Method) Create(string kind, DateTimeOffset now) => kind switch
    {
        "search" => (new SearchAccessAnalyzer(now), SearchMethod),
        "prover" => Z3Library.IsAvailable ? (new ProverAccessAnalyzer(), ProverMethod) : throw new UserInputException("--analyzer prover: " + Problem()),
        _ => (new SearchAccessAnalyzer(now), SearchMethod),
    };

    private static string Problem()
    {
        try { Z3Library.EnsureAvailable(); return ""; }
        catch (Z3UnavailableException ex) { return ex.Message; }
    }
}
