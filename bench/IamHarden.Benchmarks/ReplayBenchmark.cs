using BenchmarkDotNet.Attributes;
using IamHarden.Analysis.Guardrails;
using IamHarden.Analysis.Replay;
using IamHarden.Core.Evaluation;

namespace IamHarden.Benchmarks;

/// <summary>
/// `replay` per event: reading a 10,000-record CloudTrail file (already in memory, uncompressed)
/// into records, and deciding those records against the recommended guardrails. Time per event =
/// mean / 10,000 (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class ReplayBenchmark
{
    private byte[] _file = null!;
    private List<CloudTrailRecord> _records = null!;
    private ProposedPolicy[] _policies = null!;

    [GlobalSetup]
    public void Setup()
    {
        var sample = SyntheticTrail.SampleRecords(Path.Combine(AppContext.BaseDirectory, "fixtures", "cloudtrail"));
        _file = SyntheticTrail.FileBytes(sample, 0, SyntheticTrail.RecordsPerFile);
        _records = CloudTrailReader.Parse(_file, "synthetic.json").ToList();
        _policies =
        [
            new(CompiledPolicy.Compile(GuardrailPolicies.Mfa(GuardrailVariant.Recommended)), PolicyPlacement.Identity),
            new(CompiledPolicy.Compile(GuardrailPolicies.IpRestriction(GuardrailVariant.Recommended, new IpRestrictionOptions { Cidrs = ["203.0.113.0/24", "2001:db8:1234::/48"] })), PolicyPlacement.Identity),
        ];
    }

    [Benchmark(OperationsPerInvoke = SyntheticTrail.RecordsPerFile)]
    public int ReadRecords() => CloudTrailReader.Parse(_file, "synthetic.json").Count;

    [Benchmark(OperationsPerInvoke = SyntheticTrail.RecordsPerFile)]
    public long DecideRecords() =>
        new PolicyReplayer(_policies, new ReplayOptions(), new ReplayRequestBuilder()).Run(_records).WouldBeDenied;
}
