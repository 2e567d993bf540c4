using IamHarden.Core.Evaluation;

namespace IamHarden.Benchmarks;

/// <summary>
/// Issue target (a): decisions per second on one core for the guide's two policies plus an
/// allow-all policy.
/// </summary>
public class GuidePoliciesBenchmark : DecisionBenchmark
{
    protected override PolicySet LoadPolicies()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "fixtures", "policies");
        CompiledPolicy Load(string file) => CompiledPolicy.Parse(File.ReadAllText(Path.Combine(dir, file)), file);
        return PolicySet.OfIdentity(Load("guide-force-mfa.json"), Load("guide-ip-restriction.json"), Load("administrator-access.json"));
    }
}
