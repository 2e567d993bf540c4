using System.Diagnostics;
using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Prover.PolicyTests;

/// <summary>
/// Runs a policy test file: each request through the evaluator, each property through the prover
/// (libz3 needed only when the file has properties). Cases run in file order; one failing case
/// does not stop the others.
/// </summary>
public static class PolicyTestRunner
{
    public static IReadOnlyList<PolicyTestResult> Run(PolicyTestFile file, CancellationToken cancellationToken = default)
    {
        var results = new List<PolicyTestResult>();
        foreach (var testCase in file.Cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var policies = Policies(file, testCase.Target);
            results.Add(testCase switch
            {
                RequestTestCase request => RunRequest(request, policies),
                PropertyTestCase property => RunProperty(property, policies),
                _ => throw new InvalidOperationException("unknown case"),
            });
        }
        return results;
    }

    public static PolicySet Policies(PolicyTestFile file, PolicyTestTarget target) => new()
    {
        Identity = target.Policies.Select(n => file.Policies[n]).ToList(),
        PermissionsBoundary = target.Boundary is null ? null : file.Policies[target.Boundary],
        ServiceControlPolicyLevels = target.Scps.Count == 0 ? [] : [target.Scps.Select(n => file.Policies[n]).ToList()],
    };

    private static PolicyTestResult RunRequest(RequestTestCase testCase, PolicySet policies)
    {
        var watch = Stopwatch.StartNew();
        var principal = PrincipalIdentity.Parse(testCase.Target.Principal ?? PrincipalIdentity.DefaultUser.Arn);
        var request = new AuthorizationRequest(principal, testCase.Action, testCase.Resource, testCase.Context);
        var evaluation = PolicyEvaluator.Evaluate(policies, request);
        bool passed = testCase.Expect switch
        {
            ExpectedDecision.Allowed => evaluation.Decision == Decision.Allowed,
            ExpectedDecision.ExplicitDeny => evaluation.Decision == Decision.ExplicitDeny,
            ExpectedDecision.ImplicitDeny => evaluation.Decision == Decision.ImplicitDeny,
            _ => evaluation.Decision is Decision.ExplicitDeny or Decision.ImplicitDeny,
        };
        var expected = testCase.Expect == ExpectedDecision.Denied ? "denied" : DecisionName(testCase.Expect);
        var outcome = evaluation.Decision == Core.Evaluation.Decision.Error ? PolicyTestOutcome.Error : passed ? PolicyTestOutcome.Passed : PolicyTestOutcome.Failed;
        var message = passed ? $"{evaluation.Decision.AwsName()}: {evaluation.Explain()}"
            : outcome == PolicyTestOutcome.Error ? $"expected {expected}, but the request cannot be evaluated: {evaluation.Error}"
            : $"expected {expected}, got {evaluation.Decision.AwsName()}: {evaluation.Explain()}";
        return new PolicyTestResult(testCase, outcome, message, watch.Elapsed) { Evaluation = evaluation, Policies = policies };
    }

    private static string DecisionName(ExpectedDecision expected) => expected switch
    {
        ExpectedDecision.Allowed => "allowed",
        ExpectedDecision.ExplicitDeny => "explicitDeny",
        _ => "implicitDeny",
    };

    private static PolicyTestResult RunProperty(PropertyTestCase testCase, PolicySet policies)
    {
        var principal = testCase.Target.Principal is { } arn ? ProverPrincipal.User(arn) : ProverOptions.DefaultPrincipal;
        if (testCase.AnyUser) principal = ProverPrincipal.AnyUser(principal.Account);
        var options = new ProverOptions { Principal = principal, PinnedContext = testCase.Context, Timeout = testCase.Timeout };
        var proof = PolicyProver.Verify(policies, testCase.Property, options);
        var (outcome, message) = proof.Verdict switch
        {
            Verdict.Proved => testCase.ExpectHolds ? (PolicyTestOutcome.Passed, "proved") : (PolicyTestOutcome.Failed, "expected it to fail, but it is proved"),
            Verdict.Refuted => testCase.ExpectHolds
                ? (PolicyTestOutcome.Failed, $"refuted: {Describe(proof.Counterexample!)}")
                : (PolicyTestOutcome.Passed, $"fails as expected: {Describe(proof.Counterexample!)}"),
            Verdict.Unknown => (PolicyTestOutcome.Error, $"unknown: {proof.Reason}"),
            _ => (PolicyTestOutcome.Error, proof.Reason ?? "internal error"),
        };
        return new PolicyTestResult(testCase, outcome, message, proof.Elapsed) { Proof = proof, Policies = policies };
    }

    private static string Describe(ProverCounterexample example)
    {
        var request = example.Request;
        var keys = request.Context.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}")
            .Concat(example.AbsentKeys.Select(k => $"{k} absent"));
        return $"{request.Action} on {request.Resource} by {request.Principal.Arn} with {string.Join(", ", keys)} is {example.Evaluation.Decision.AwsName()}";
    }
}
