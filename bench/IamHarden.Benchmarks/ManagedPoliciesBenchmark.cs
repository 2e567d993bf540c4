using BenchmarkDotNet.Attributes;
using IamHarden.Core.Evaluation;

namespace IamHarden.Benchmarks;

/// <summary>
/// Issue target (b): decisions per second on one core for a user with 10 realistic AWS managed
/// policies (the kind a developer collects: ReadOnlyAccess plus full access to the services they
/// work with, and IAMUserChangePassword). Same varied requests as <see cref="GuidePoliciesBenchmark"/>;
/// decisions/s = 1e9 / mean ns.
/// </summary>
[MemoryDiagnoser]
public class ManagedPoliciesBenchmark
{
    public static readonly string[] PolicyNames =
    [
        "ReadOnlyAccess", "AmazonS3FullAccess", "AmazonEC2FullAccess", "AWSLambda_FullAccess", "AmazonDynamoDBFullAccess",
        "CloudWatchLogsFullAccess", "AmazonSQSFullAccess", "AmazonSNSFullAccess", "AmazonRDSFullAccess", "IAMUserChangePassword",
    ];

    private const int Requests = 10_000;
    private PolicySet _policies = null!;
    private AuthorizationRequest[] _requests = null!;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = ManagedPolicyCorpus.Load().ToDictionary(p => p.Name, p => p.Document);
        _policies = PolicySet.OfIdentity([.. PolicyNames.Select(n => CompiledPolicy.Parse(System.Text.Encoding.UTF8.GetString(corpus[n]), n))]);
        _requests = RequestGenerator.Generate(Requests);
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
