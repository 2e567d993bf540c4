using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IamHarden.Analysis.Prover;
using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Tests.Prover;

/// <summary>
/// The prover and the evaluator keep each other honest, over many random policy sets and
/// properties: a counterexample must replay through the evaluator (the prover checks, and so does
/// this test), and a "proved" claim must survive random requests AWS could send (none of them may
/// violate the property). Time-outs are allowed but may not become proofs.
/// </summary>
public class ProverEvaluatorAgreementTests
{
    private const int SpotChecks = 300;

    [Property(MaxTest = 100, Replay = null)]
    public Property Prover_verdicts_agree_with_the_evaluator() =>
        Prop.ForAll(ProverRandomPolicies.PolicySet.ToArbitrary(), ProverRandomPolicies.Property.ToArbitrary(),
            (from principal in ProverRandomPolicies.Principal from seed in Gen.Choose(0, int.MaxValue) select (principal, seed)).ToArbitrary(),
            (json, property, setup) =>
            {
                var (principal, seed) = setup;
                var policies = PolicySet.OfIdentity(json.Select((j, i) => CompiledPolicy.Parse(j, $"p{i}")).ToArray());
                var result = PolicyProver.Verify(policies, property, new ProverOptions { Principal = principal, Timeout = TimeSpan.FromSeconds(10) });

                var label = $"{property.Text} for {principal}: {result.Verdict} {result.Reason}\n{string.Join("\n", json)}";
                switch (result.Verdict)
                {
                    case Verdict.InternalError:
                        return false.Label(label);
                    case Verdict.Refuted:
                        var request = result.Counterexample!.Request;
                        return property.IsViolatedBy(request, PolicyEvaluator.Decide(policies, request)).Label(label + "\ncounterexample " + request.Context);
                    case Verdict.Proved:
                        var random = new System.Random(seed);
                        for (int i = 0; i < SpotChecks; i++)
                        {
                            var probe = ProverRandomPolicies.Request(random, property, principal);
                            var decision = PolicyEvaluator.Decide(policies, probe);
                            if (decision == Decision.Error || property.IsViolatedBy(probe, decision))
                                return false.Label(label + $"\nproved, but {probe.Action} on {probe.Resource} by {probe.Principal} with {probe.Context} is {decision}");
                        }
                        return true.Label(label);
                    default:
                        return true.Label(label).Collect("unknown");
                }
            });
}
