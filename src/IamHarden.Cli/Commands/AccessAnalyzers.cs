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

    public static (IAccessAnalyzer Analyzer, string Method) Create(string kind, DateTimeOffset now, AccountSnapshot snapshot) => kind switch
    {
        "search" => (new SearchAccessAnalyzer(now), SearchMethod),
        "prover" => Z3Library.IsAvailable ? (new ProverAccessAnalyzer(), ProverMethod) : throw new UserInputException("--analyzer prover: " + Problem()),
        _ => Auto(now, snapshot),
    };

    private static (IAccessAnalyzer, string) Auto(DateTimeOffset now, AccountSnapshot snapshot)
    {
        if (!Z3Library.IsAvailable) return (new SearchAccessAnalyzer(now), SearchMethod + " (install libz3 for proofs)");
        int combinations = PolicyCombinations(snapshot);
        if (combinations > AutoProverLimit)
            return (new SearchAccessAnalyzer(now), SearchMethod +
                $" ({combinations:N0} distinct policy combinations, more than the {AutoProverLimit} auto proves; --analyzer prover proves every answer, slower)");
        return (new SearchThenProveAccessAnalyzer(new SearchAccessAnalyzer(now), new ProverAccessAnalyzer()), AutoMethod);
    }

    /// <summary>Users with the same groups, attached and inline policies and boundary get the same answers.</summary>
    private static int PolicyCombinations(AccountSnapshot snapshot) => snapshot.Users
        .Select(u => string.Join('\n', [
            .. u.GroupNames.Order(StringComparer.Ordinal),
            .. u.AttachedPolicies.Select(a => a.Arn).Order(StringComparer.Ordinal),
            .. u.InlinePolicies.Select(i => IamHarden.Core.Policy.PolicyPrinter.Print(i.Document, indented: false)).Order(StringComparer.Ordinal),
            u.PermissionsBoundaryArn ?? ""]))
        .Distinct(StringComparer.Ordinal).Count();

    private static string Problem()
    {
        try { Z3Library.EnsureAvailable(); return ""; }
        catch (Z3UnavailableException ex) { return ex.Message; }
    }
}
