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

    // MayBeAllowed is Decide on the policies with every Deny statement and every condition taken
    // out (and, with anyResource, every Resource/NotResource read as "*"): the audit's search skips
    // what it says no to, so it must never say no where some context allows.
    [Property(MaxTest = 500)]
    public Property MayBeAllowed_is_Decide_without_denies_and_conditions() =>
        Prop.ForAll(RandomPolicies.PolicySet.ToArbitrary(), RandomPolicies.Policy().ToArbitrary(), RandomPolicies.Request.ToArbitrary(), (json, boundary, request) =>
        {
            var set = new PolicySet { Identity = Compile(json), PermissionsBoundary = CompiledPolicy.Parse(boundary, "boundary", PolicyKind.PermissionsBoundary) };
            var gate = new PolicySet
            {
                Identity = Compile(json.Select(j => AllowsOnly(j, anyResource: false))),
                PermissionsBoundary = CompiledPolicy.Parse(AllowsOnly(boundary, anyResource: false), "boundary", PolicyKind.PermissionsBoundary),
            };
            var anyResourceGate = new PolicySet
            {
                Identity = Compile(json.Select(j => AllowsOnly(j, anyResource: true))),
                PermissionsBoundary = CompiledPolicy.Parse(AllowsOnly(boundary, anyResource: true), "boundary", PolicyKind.PermissionsBoundary),
            };
            bool onResource = PolicyEvaluator.MayBeAllowed(set, request, anyResource: false);
            bool onAnyResource = PolicyEvaluator.MayBeAllowed(set, request, anyResource: true);
            return onResource == (PolicyEvaluator.Decide(gate, request) == Decision.Allowed)
                && onAnyResource == (PolicyEvaluator.Decide(anyResourceGate, request) == Decision.Allowed)
                && (PolicyEvaluator.Decide(set, request) != Decision.Allowed || onResource)
                && (!onResource || onAnyResource);
        });

    /// <summary>The policy's Allow statements without their conditions (and with Resource "*"); an empty statement list becomes a Deny of nothing that matters.</summary>
    private static string AllowsOnly(string json, bool anyResource)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var statements = node["Statement"]!.AsArray().Select(s => s!.DeepClone().AsObject()).Where(s => (string?)s["Effect"] == "Allow").ToList();
        foreach (var statement in statements)
        {
            statement.Remove("Condition");
            if (!anyResource) continue;
            statement.Remove("NotResource");
            statement["Resource"] = "*";
        }
        // A policy needs a statement: one that allows nothing the requests ask for.
        if (statements.Count == 0) statements.Add(new JsonObject { ["Effect"] = "Allow", ["Action"] = "none:Nothing", ["Resource"] = "*" });
        node["Statement"] = new JsonArray([.. statements]);
        return node.ToJsonString();
    }

    // The printer round trip is a property of its own, over documents of every kind: Policy/PolicyPrinterTests.

    private static string ReverseStatements(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var statements = node["Statement"]!.AsArray().Select(s => s!.DeepClone()).Reverse().ToArray();
        node["Statement"] = new JsonArray(statements);
        return node.ToJsonString();
    }
}
