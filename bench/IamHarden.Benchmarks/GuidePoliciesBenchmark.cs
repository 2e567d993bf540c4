using BenchmarkDotNet.Attributes;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Benchmarks;

/// <summary>
/// Issue target (a): decisions per second on one core for the guide's two policies plus an
/// allow-all policy. Each invocation decides 10,000 varied requests; BenchmarkDotNet reports the
/// time per request (OperationsPerInvoke), decisions/s = 1e9 / mean ns.
/// </summary>
[MemoryDiagnoser]
public class GuidePoliciesBenchmark
{
    private const int Requests = 10_000;
    private PolicySet _policies = null!;
    private AuthorizationRequest[] _requests = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "fixtures", "policies");
        CompiledPolicy Load(string file) => CompiledPolicy.Parse(File.ReadAllText(Path.Combine(dir, file)), file);
        _policies = PolicySet.OfIdentity(Load("guide-force-mfa.json"), Load("guide-ip-restriction.json"), Load("administrator-access.json"));
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
