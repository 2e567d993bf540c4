using System.Diagnostics;
using IamHarden.Analysis.Prover.Encoding;
using IamHarden.Analysis.Prover.Properties;
using IamHarden.Analysis.Prover.Z3;
using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Prover;

/// <summary>
/// Proves or refutes properties of a policy set for every possible request: the policies and the
/// negated property become one SMT-LIB2 query (see docs/VERIFY.md for the encoding), Z3 decides
/// it, and a counterexample is replayed through the evaluator before it is reported.
/// Throws <see cref="Z3UnavailableException"/> when libz3 is missing.
/// </summary>
public static class PolicyProver
{
    public static PropertyResult Verify(PolicySet policies, VerificationProperty property, ProverOptions? options = null)
    {
        options ??= new ProverOptions();
        Z3Library.EnsureAvailable();
        var watch = Stopwatch.StartNew();
        Query query;
        try
        {
            query = Build(policies, property, options);
        }
        catch (UnsupportedPolicyException ex)
        {
            return new PropertyResult(property, Verdict.Unknown, null, ex.Message, watch.Elapsed);
        }

        QueryOutcome outcome;
        try
        {
            outcome = QueryRunner.Run(query, options.Timeout, options.ReadableCounterexamples);
        }
        catch (Z3Exception ex)
        {
            return new PropertyResult(property, Verdict.InternalError, null, "internal error (a bug in IamHarden, please report it): the solver rejected the query: " + ex.Message, watch.Elapsed);
        }
        switch (outcome.Status)
        {
            case QueryStatus.Unsatisfiable:
                return new PropertyResult(property, Verdict.Proved, null, null, watch.Elapsed);
            case QueryStatus.Unknown:
                return new PropertyResult(property, Verdict.Unknown, null, outcome.Reason, watch.Elapsed);
        }
        var (counterexample, disagreement) = CounterexampleCheck.Replay(policies, property, outcome.Requests[0], options.PinnedContext);
        return counterexample is null
            ? new PropertyResult(property, Verdict.InternalError, null, disagreement, watch.Elapsed)
            : new PropertyResult(property, Verdict.Refuted, counterexample, null, watch.Elapsed);
    }

    /// <summary>The SMT-LIB2 query for one property, as sent to the solver (--emit-smt2). Throws <see cref="UnsupportedPolicyException"/>.</summary>
    public static string Smt2(PolicySet policies, VerificationProperty property, ProverOptions? options = null)
    {
        options ??= new ProverOptions();
        var query = Build(policies, property, options);
        var header = $"; iamharden verify: property {property.Text}\n; {property.Description}\n; satisfiable = a counterexample exists; unsatisfiable = the property holds\n";
        return header + QueryRunner.Text(query, options.Timeout);
    }

    private static Query Build(PolicySet policies, VerificationProperty property, ProverOptions options) =>
        Query.Build(policies, options.Principal, options.PinnedContext, property.Require, new Query.Parts(property.Violation, property.Preferences, property.ExactActions));
}
