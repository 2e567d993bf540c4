using System.Text;
using IamHarden.Analysis.Prover.Encoding;
using IamHarden.Analysis.Prover.Properties;
using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Prover;

/// <summary>
/// Keeps the solver honest: every counterexample is decided again by the evaluator, which must
/// find the property violated and reach the decision the solver claimed. Then keys the violation
/// does not need are dropped (never the keys AWS always sends, the property's keys or pinned
/// ones), so the request shows what matters.
/// </summary>
internal static class CounterexampleCheck
{
    /// <summary>The replayed counterexample, or the description of the disagreement (an IamHarden bug).</summary>
    public static (ProverCounterexample? Counterexample, string? Disagreement) Replay(
        PolicySet policies, VerificationProperty property, ModelDecoder.DecodedRequest decoded, RequestContext pins)
    {
        var request = decoded.Request;
        var evaluation = PolicyEvaluator.Evaluate(policies, request);
        bool solverAllowed = decoded.Solver.Allowed;
        bool agrees = (evaluation.Decision == Decision.Allowed) == solverAllowed
            && (evaluation.Decision == Decision.ExplicitDeny) == decoded.Solver.ExplicitDeny
            && property.IsViolatedBy(request, evaluation.Decision);
        if (!agrees) return (null, Describe(property, decoded, evaluation));

        var simplified = Simplify(policies, property, request, pins);
        var final = PolicyEvaluator.Evaluate(policies, simplified);
        var absent = property.Keys.Where(k => !simplified.Context.Contains(k))
            .Concat(final.MissingContextKeys)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return (new ProverCounterexample(simplified, final, absent), null);
    }

    private static AuthorizationRequest Simplify(PolicySet policies, VerificationProperty property, AuthorizationRequest request, RequestContext pins)
    {
        var keep = new HashSet<string>(RequestFacts.AlwaysPresent.Concat(property.Keys), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, _) in pins.Entries) keep.Add(key);
        var current = request;
        foreach (var key in request.Context.Entries.Select(e => e.Key).Order(StringComparer.Ordinal).ToList())
        {
            if (keep.Contains(key)) continue;
            var candidate = current with { Context = current.Context.Clone().Remove(key) };
            // Removing aws:SourceVpce may leave a request AWS could send only with aws:SourceIp; that is fine (a direct call).
            if (property.IsViolatedBy(candidate, PolicyEvaluator.Decide(policies, candidate))) current = candidate;
        }
        return current;
    }

    private static string Describe(VerificationProperty property, ModelDecoder.DecodedRequest decoded, EvaluationResult evaluation)
    {
        var sb = new StringBuilder();
        sb.Append($"internal error (a bug in IamHarden, please report it): for property {property.Text} the solver and the evaluator disagree about ");
        sb.Append($"{decoded.Request.Action} on {decoded.Request.Resource} by {decoded.Request.Principal.Arn} with {decoded.Request.Context}: ");
        sb.Append($"the solver says {(decoded.Solver.Allowed ? "allowed" : decoded.Solver.ExplicitDeny ? "explicitDeny" : "implicitDeny")} ");
        var applied = decoded.Solver.Statements.Where(s => s.Applies).Select(s => s.Statement).ToList();
        sb.Append(applied.Count == 0 ? "(no statement applies)" : "(applies: " + string.Join("; ", applied) + ")");
        sb.Append($", the evaluator says {evaluation.Decision.AwsName()} ({evaluation.Explain()})");
        return sb.ToString();
    }
}
