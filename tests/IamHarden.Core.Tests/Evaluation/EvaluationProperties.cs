using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Tests.Evaluation;

/// <summary>Laws of IAM evaluation that must hold for any policies and any request (spec §1.1, §1.4).</summary>
public class EvaluationProperties
{
    private static readonly CompiledPolicy AllowAll = CompiledPolicy.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", "allow-all");
    private static readonly CompiledPolicy DenyAll = CompiledPolicy.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""", "deny-all");

    private static CompiledPolicy[] Compile(IEnumerable<string> json) =>
        json.Select((j, i) => CompiledPolicy.Parse(j, $"p{i}")).ToArray();

    private static Decision Decide(IEnumerable<CompiledPolicy> policies, AuthorizationRequest request) =>
        PolicyEvaluator.Decide(PolicySet.OfIdentity([.. policies]), request);

    [Property(MaxTest = 500)]
    public Property An_explicit_deny_always_wins() =>
        Prop.ForAll(RandomPolicies.PolicySet.ToArbitrary(), RandomPolicies.Request.ToArbitrary(), (json, request) =>
        {
            var policies = Compile(json);
            var before = Decide(policies, request);
            var withDenyAll = Decide([.. policies, DenyAll], request);
            var withAllowAll = Decide([.. policies, AllowAll], request);
            return withDenyAll == Decision.ExplicitDeny
                && (before != Decision.ExplicitDeny || withAllowAll == Decision.ExplicitDeny);
        });

    [Property(MaxTest = 500)]
    public Property Adding_an_allow_never_turns_allowed_into_denied() =>
        Prop.ForAll(RandomPolicies.PolicySet.ToArbitrary(), RandomPolicies.Policy(allow: true).ToArbitrary(), RandomPolicies.Request.ToArbitrary(), (json, extra, request) =>
        {
            var policies = Compile(json);
            if (Decide(policies, request) != Decision.Allowed) return true;
            return Decide([.. policies, .. Compile([extra])], request) == Decision.Allowed;
        });

    [Property(MaxTest = 500)]
    public Property Reordering_statements_or_policies_never_changes_a_decision() =>
        Prop.ForAll(RandomPolicies.PolicySet.ToArbitrary(), RandomPolicies.Request.ToArbitrary(), (json, request) =>
        {
            var original = Decide(Compile(json), request);
            var reversedPolicies = Decide(Compile(json.Reverse()), request);
            var reversedStatements = Decide(Compile(json.Select(ReverseStatements)), request);
            return original == reversedPolicies && original == reversedStatements;
        });

    [Property(MaxTest = 500)]
    public Property Decide_and_Evaluate_agree() =>
        Prop.ForAll(RandomPolicies.PolicySet.ToArbitrary(), RandomPolicies.Request.ToArbitrary(), (json, request) =>
        {
            var set = PolicySet.OfIdentity(Compile(json));
            return PolicyEvaluator.Decide(set, request) == PolicyEvaluator.Evaluate(set, request).Decision;
        });

    // The printer round trip is a property of its own, over documents of every kind: Policy/PolicyPrinterTests.

    private static string ReverseStatements(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var statements = node["Statement"]!.AsArray().Select(s => s!.DeepClone()).Reverse().ToArray();
        node["Statement"] = new JsonArray(statements);
        return node.ToJsonString();
    }
}
