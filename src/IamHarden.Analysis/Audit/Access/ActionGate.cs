using System.Runtime.CompilerServices;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Audit.Access;

/// <summary>
/// Whether an action could be allowed at all by a policy set, on some resource in some context:
/// every level (identity policies, the permissions boundary, each SCP level) must have an Allow
/// statement whose Action element matches it. Decided on copies of the Allow statements with
/// Resource "*" and no conditions — an over-approximation, so "no" is certain and the search can
/// skip the action without trying resources and contexts.
/// </summary>
internal sealed class ActionGate
{
    private static readonly ConditionalWeakTable<CompiledPolicy, CompiledPolicy> AllowsOnly = new();
    private static readonly ValueList AnyResource = new(false, [new LocatedString("*", default)], false, default);

    private readonly PolicySet _gate;

    public ActionGate(PolicySet policies)
    {
        _gate = new PolicySet
        {
            Identity = policies.Identity.Select(Gate).ToList(),
            PermissionsBoundary = policies.PermissionsBoundary is { } boundary ? Gate(boundary) : null,
            ServiceControlPolicyLevels = policies.ServiceControlPolicyLevels.Select(level => (IReadOnlyList<CompiledPolicy>)level.Select(Gate).ToList()).ToList(),
        };
    }

    /// <summary>False when no request for <paramref name="action"/> can be allowed, whatever its resource and context.</summary>
    public bool MayBeAllowed(PrincipalIdentity principal, string action) =>
        PolicyEvaluator.Decide(_gate, new AuthorizationRequest(principal, action, "*", RequestContext.Empty)) == Decision.Allowed;

    private static CompiledPolicy Gate(CompiledPolicy policy) => AllowsOnly.GetValue(policy, p =>
    {
        var allows = p.Document.Statements.Where(s => s.Effect == Effect.Allow).Select(s => s with { Resources = AnyResource, Conditions = [] });
        return CompiledPolicy.Compile(p.Document with { Statements = [.. allows] }, p.Name);
    });
}
