using IamHarden.Analysis.Guardrails;
using IamHarden.Analysis.Snapshot;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Tests.Prover;

/// <summary>Policies the prover tests share: the guide's guardrails in both variants and AWS managed policies from the bundled corpus.</summary>
internal static class ProverFixtures
{
    public static readonly string[] Cidrs = ["203.0.113.0/24", "2001:db8:1234::/48"];

    public static CompiledPolicy Managed(string name)
    {
        var policy = BundledAwsManagedPolicies.Find("arn:aws:iam::aws:policy/" + name) ?? throw new InvalidOperationException(name + " is not in the corpus");
        return CompiledPolicy.Compile(policy.Document, name);
    }

    public static CompiledPolicy Mfa(GuardrailVariant variant) => CompiledPolicy.Compile(GuardrailPolicies.Mfa(variant));

    public static CompiledPolicy Ip(GuardrailVariant variant, IpRestrictionOptions? options = null) =>
        CompiledPolicy.Compile(GuardrailPolicies.IpRestriction(variant, options ?? new IpRestrictionOptions { Cidrs = Cidrs }));

    public static CompiledPolicy Json(string json, string name = "test.json") => CompiledPolicy.Parse(json, name);

    public static PolicySet Set(params CompiledPolicy[] identity) => PolicySet.OfIdentity(identity);
}
