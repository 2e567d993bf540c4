using BenchmarkDotNet.Attributes;
using IamHarden.Analysis.Prover;
using IamHarden.Analysis.Prover.Properties;
using IamHarden.Core.Evaluation;

namespace IamHarden.Benchmarks;

/// <summary>
/// Issue 4 target: each property proved or refuted in under 1 second for the guide's recommended
/// guardrails (samples/policies/recommended-*.json) plus the 10 managed policies of
/// <see cref="ManagedPoliciesBenchmark"/>. One operation is one complete `verify` of one property:
/// encoding, Z3 (both halves of the query, plus the preferences that make a counterexample
/// readable) and, when refuted, the replay through the evaluator.
/// </summary>
public class VerifyBenchmark
{
    private static readonly string[] Cidrs = ["203.0.113.0/24", "2001:db8:1234::/48"];

    [Params("mfa", "mfa-enrollable", "source-ip", "never=iam:*")]
    public string Property { get; set; } = "";

    private PolicySet _policies = null!;
    private VerificationProperty _property = null!;
    private ProverOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "fixtures", "policies");
        CompiledPolicy Load(string file) => CompiledPolicy.Parse(File.ReadAllText(Path.Combine(dir, file)), file);
        var corpus = ManagedPolicyCorpus.Load().ToDictionary(p => p.Name, p => p.Document);
        _policies = PolicySet.OfIdentity([
            Load("recommended-force-mfa.json"), Load("recommended-ip-restriction.json"),
            .. ManagedPoliciesBenchmark.PolicyNames.Select(n => CompiledPolicy.Parse(System.Text.Encoding.UTF8.GetString(corpus[n]), n))]);
        var options = new PropertyOptions { MustResetPassword = true, AllowServiceCalls = true };
        _property = PropertyParser.Parse(Property == "source-ip" ? "source-ip=" + string.Join(',', Cidrs) : Property, options);
        // Enrolment is asked from the office: from anywhere else the IP restriction denies it, as it should.
        _options = new ProverOptions
        {
            PinnedContext = Property == "mfa-enrollable" ? new RequestContext().Set("aws:SourceIp", "203.0.113.10") : new RequestContext(),
        };
        var result = PolicyProver.Verify(_policies, _property, _options);
        Console.WriteLine($"// verify {_property.Text}: {result.Verdict}" + (result.Counterexample is { } c ? $" ({c.Request.Action} is {c.Evaluation.Decision})" : ""));
        if (result.Verdict is Verdict.Unknown or Verdict.InternalError) throw new InvalidOperationException($"{_property.Text}: {result.Verdict}: {result.Reason}");
    }

    [Benchmark]
    public Verdict Verify() => PolicyProver.Verify(_policies, _property, _options).Verdict;
}
