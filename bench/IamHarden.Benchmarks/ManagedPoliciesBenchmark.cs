using IamHarden.Core.Evaluation;

namespace IamHarden.Benchmarks;

/// <summary>
/// Issue target (b): decisions per second on one core for a user with 10 realistic AWS managed
/// policies (the kind a developer collects: ReadOnlyAccess plus full access to the services they
/// work with, and IAMUserChangePassword). Same varied requests as <see cref="GuidePoliciesBenchmark"/>.
/// </summary>
public class ManagedPoliciesBenchmark : DecisionBenchmark
{
    public static readonly string[] PolicyNames =
    [
        "ReadOnlyAccess", "AmazonS3FullAccess", "AmazonEC2FullAccess", "AWSLambda_FullAccess", "AmazonDynamoDBFullAccess",
        "CloudWatchLogsFullAccess", "AmazonSQSFullAccess", "AmazonSNSFullAccess", "AmazonRDSFullAccess", "IAMUserChangePassword",
    ];

    protected override PolicySet LoadPolicies()
    {
        var corpus = ManagedPolicyCorpus.Load().ToDictionary(p => p.Name, p => p.Document);
        return PolicySet.OfIdentity([.. PolicyNames.Select(n => CompiledPolicy.Parse(System.Text.Encoding.UTF8.GetString(corpus[n]), n))]);
    }
}
