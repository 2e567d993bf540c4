using BenchmarkDotNet.Attributes;
using IamHarden.Core.Evaluation;

namespace IamHarden.Benchmarks;

/// <summary>
/// Decisions per second for one policy set (<see cref="LoadPolicies"/>): each invocation decides
/// the same 10,000 varied requests; BenchmarkDotNet reports the time per request
/// (OperationsPerInvoke), decisions/s = 1e9 / mean ns.
/// </summary>
[MemoryDiagnoser]
public abstract class DecisionBenchmark
{
    private const int Requests = 10_000;
    private PolicySet _policies = null!;
    private AuthorizationRequest[] _requests = null!;

    protected abstract PolicySet LoadPolicies();

    [GlobalSetup]
    public void Setup()
    {
        _policies = LoadPolicies();
        _requests = RequestGenerator.Generate(Requests);
        // Warm the per-context caches the way a long batch would.
        foreach (var r in _requests) PolicyEvaluator.Decide(_policies, r);
    }

    [Benchmark(OperationsPerInvoke = Requests)]
    public int Decide()
    {
        int allowed = 0;
        foreach (var request in _requests)
            if (PolicyEvaluator.Decide(_policies, request) == Decision.Allowed) allowed++;
        return allowed;
    }

    [Benchmark(OperationsPerInvoke = Requests)]
    public int EvaluateWithReasons()
    {
        int allowed = 0;
        foreach (var request in _requests)
            if (PolicyEvaluator.Evaluate(_policies, request).Decision == Decision.Allowed) allowed++;
        return allowed;
    }
}
