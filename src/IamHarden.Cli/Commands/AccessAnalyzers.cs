using IamHarden.Analysis.Audit;
using IamHarden.Analysis.Audit.Access;
using IamHarden.Analysis.Prover.Z3;
using IamHarden.Analysis.Snapshot;

namespace IamHarden.Cli.Commands;

/// <summary>Chooses how the audit answers its access questions (--analyzer).</summary>
internal static class AccessAnalyzers
{
    private const string SearchMethod = "search: realistic requests over the whole action catalog, replayed through the evaluator";
    private const string ProverMethod = "prover: Z3 proofs over every action, resource and context; counterexamples replayed through the evaluator";

    private const string AutoMethod = "search, then Z3 proofs for what no request settles (every action, resource and context); counterexamples replayed through the evaluator";

    /// <summary>
    /// auto proves with Z3 up to this many distinct policy combinations: a proof costs about a
    /// quarter of a second per combination and question, the search a millisecond (docs/PERFORMANCE.md).
    /// </summary>
    public const int AutoProverLimit = 50;

    /// <param name="policies">The users' policies, as the audit will use them: auto counts their distinct combinations.</param>
    public static (IAccessAnalyzer Analyzer, string Method) Create(string kind, DateTimeOffset now, AccountSnapshot snapshot, PrincipalPolicies policies) => kind switch
    {
        "search" => (new SearchAccessAnalyzer(now), SearchMethod),
        "prover" => Z3Library.IsAvailable ? (new ProverAccessAnalyzer(), ProverMethod) : throw new UserInputException("--analyzer prover: " + Problem()),
        _ => Auto(now, snapshot, policies),
    };

    private static (IAccessAnalyzer, string) Auto(DateTimeOffset now, AccountSnapshot snapshot, PrincipalPolicies policies)
    {
        if (!Z3Library.IsAvailable) return (new SearchAccessAnalyzer(now), SearchMethod + " (install libz3 for proofs)");
        int combinations = policies.DistinctSets(snapshot.Users);
        if (combinations > AutoProverLimit)
            return (new SearchAccessAnalyzer(now), SearchMethod +
                $" ({combinations:N0} distinct policy combinations, more than the {AutoProverLimit} auto proves; --analyzer prover proves every answer, slower)");
        return (new SearchThenProveAccessAnalyzer(new SearchAccessAnalyzer(now), new ProverAccessAnalyzer()), AutoMethod);
    }

    private static string Problem()
    {
        try { Z3Library.EnsureAvailable(); return ""; }
        catch (Z3UnavailableException ex) { return ex.Message; }
    }
}
