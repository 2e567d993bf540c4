using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Audit.Access;

/// <summary>
/// Whether an action (or an action on a resource) could be allowed at all by a policy set, in some
/// context: every level (identity policies, the permissions boundary, each SCP level) must have an
/// Allow statement that matches it. Decided by the evaluator with conditions and Deny statements
/// left out (and, for the action alone, every resource) — an over-approximation, so "no" is
/// certain and the search can skip the action, or the resource, without trying contexts.
/// </summary>
internal sealed class ActionGate(PolicySet policies)
{
    /// <summary>False when no request for <paramref name="action"/> can be allowed, whatever its resource and context.</summary>
    public bool MayBeAllowed(PrincipalIdentity principal, string action) =>
        PolicyEvaluator.MayBeAllowed(policies, new AuthorizationRequest(principal, action, "*", RequestContext.Empty), anyResource: true);

    /// <summary>
    /// False when no request for <paramref name="action"/> on <paramref name="resource"/> can be
    /// allowed, whatever the condition keys (<paramref name="identity"/> resolves the policy
    /// variables in resource patterns, which depend on who calls, not on the request).
    /// </summary>
    public bool MayBeAllowed(PrincipalIdentity principal, string action, string resource, RequestContext identity) =>
        PolicyEvaluator.MayBeAllowed(policies, new AuthorizationRequest(principal, action, resource, identity), anyResource: false);
}
