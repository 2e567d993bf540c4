using System.Runtime.CompilerServices;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Audit.Access;

/// <summary>
/// Whether an action (or an action on a resource) could be allowed at all by a policy set, in some
/// context: every level (identity policies, the permissions boundary, each SCP level) must have an
/// Allow statement that matches it. Decided on copies of the Allow statements without conditions
/// (and, for the action alone, with Resource "*") — an over-approximation, so "no" is certain and
/// the search can skip the action, or the resource, without trying contexts.
/// </summary>
internal sealed class ActionGate
{
    private static readonly ConditionalWeakTable<CompiledPolicy, CompiledPolicy> AllowsOnAnyResource = new();
    private static readonly ConditionalWeakTable<CompiledPolicy, CompiledPolicy> AllowsWithoutConditions = new();
    private static readonly ValueList AnyResource = new(false, [new LocatedString("*", default)], false, default);

    private readonly PolicySet _actionGate;
    private readonly PolicySet _resourceGate;

    public ActionGate(PolicySet policies)
    {
        _actionGate = Gates(policies, p => AllowsOnAnyResource.GetValue(p, q => AllowsOnly(q, anyResource: true)));
        _resourceGate = Gates(policies, p => AllowsWithoutConditions.GetValue(p, q => AllowsOnly(q, anyResource: false)));
    }

    /// <summary>False when no request for <paramref name="action"/> can be allowed, whatever its resource and context.</summary>
    public bool MayBeAllowed(PrincipalIdentity principal, string action) =>
        PolicyEvaluator.Decide(_actionGate, new AuthorizationRequest(principal, action, "*", RequestContext.Empty)) == Decision.Allowed;

    /// <summary>
    /// False when no request for <paramref name="action"/> on <paramref name="resource"/> can be
    /// allowed, whatever the condition keys (<paramref name="identity"/> resolves the policy
    /// variables in resource patterns, which depend on who calls, not on the request).
    /// </summary>
    public bool MayBeAllowed(PrincipalIdentity principal, string action, string resource, RequestContext identity) =>
        PolicyEvaluator.Decide(_resourceGate, new AuthorizationRequest(principal, action, resource, identity)) == Decision.Allowed;

    private static PolicySet Gates(PolicySet policies, Func<CompiledPolicy, CompiledPolicy> gate) => new()
    {
        Identity = policies.Identity.Select(gate).ToList(),
        PermissionsBoundary = policies.PermissionsBoundary is { } boundary ? gate(boundary) : null,
        ServiceControlPolicyLevels = policies.ServiceControlPolicyLevels.Select(level => (IReadOnlyList<CompiledPolicy>)level.Select(gate).ToList()).ToList(),
    };

    private static CompiledPolicy AllowsOnly(CompiledPolicy policy, bool anyResource)
    {
        var allows = policy.Document.Statements.Where(s => s.Effect == Effect.Allow)
            .Select(s => anyResource ? s with { Resources = AnyResource, Conditions = [] } : s with { Conditions = [] });
        return CompiledPolicy.Compile(policy.Document with { Statements = [.. allows] }, policy.Name);
    }
}
