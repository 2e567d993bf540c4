using System.Collections.Immutable;

namespace IamHarden.Core.Evaluation;

/// <summary>
/// AWS's decision logic for one request (spec §1.4 same account, §1.5 cross account):
/// any applicable Deny anywhere → explicitDeny; then every SCP level must allow; then a
/// resource-based policy that names the caller directly allows on its own (same account);
/// otherwise an identity policy must allow, and the permissions boundary and session policy
/// must allow too. <see cref="Decide"/> is the allocation-free fast path;
/// <see cref="Evaluate"/> also returns the reasons.
/// </summary>
public static class PolicyEvaluator
{
    /// <summary>The decision only (no reasons); allocates nothing for typical policies.</summary>
    public static Decision Decide(PolicySet policies, AuthorizationRequest request)
    {
        try
        {
            return Run(policies, request, null, out _);
        }
        catch (RequestContextException)
        {
            return Decision.Error;
        }
    }

    /// <summary>The decision with the statements that decided it and the missing context keys.</summary>
    public static EvaluationResult Evaluate(PolicySet policies, AuthorizationRequest request)
    {
        var trace = new Trace();
        try
        {
            var decision = Run(policies, request, trace, out var reason);
            var statements = decision == Decision.ExplicitDeny ? trace.Denies : decision == Decision.Allowed ? trace.Allows : [];
            var missing = trace.ReferencedKeys.Where(k => !request.Context.Contains(k))
                .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToImmutableArray();
            return new EvaluationResult(decision, reason, [.. statements], missing);
        }
        catch (RequestContextException ex)
        {
            return EvaluationResult.Failed(ex.Message);
        }
    }

    /// <summary>
    /// Whether some request context could make the policies allow <paramref name="request"/>:
    /// decided as <see cref="Decide"/> does, but with every Deny statement and every condition
    /// left out — and, with <paramref name="anyResource"/>, every Resource/NotResource element read
    /// as "*". An over-approximation: false means no context (and, with anyResource, no resource)
    /// allows the request, so a search can skip it. Resource variables resolve from the request's context.
    /// </summary>
    public static bool MayBeAllowed(PolicySet set, AuthorizationRequest request, bool anyResource)
    {
        var scpLevels = set.ServiceControlPolicyLevels;
        for (int l = 0; l < scpLevels.Count; l++)
        {
            bool levelAllows = false;
            for (int i = 0; i < scpLevels[l].Count && !levelAllows; i++) levelAllows = AllowGrant(scpLevels[l][i], request, anyResource) != PrincipalGrant.None;
            if (!levelAllows) return false;
        }
        var grant = set.ResourcePolicy is { } rp ? AllowGrant(rp, request, anyResource) : PrincipalGrant.None;
        bool identityAllows = false;
        var identity = set.Identity;
        for (int i = 0; i < identity.Count && !identityAllows; i++) identityAllows = AllowGrant(identity[i], request, anyResource) != PrincipalGrant.None;
        bool boundaryAndSession = (set.PermissionsBoundary is not { } boundary || AllowGrant(boundary, request, anyResource) != PrincipalGrant.None)
            && (set.SessionPolicy is not { } session || AllowGrant(session, request, anyResource) != PrincipalGrant.None);
        if (request.IsCrossAccount) return identityAllows && boundaryAndSession && grant != PrincipalGrant.None;
        if (grant == PrincipalGrant.Direct) return true;
        if (!identityAllows && grant != PrincipalGrant.Entity) return false;
        return boundaryAndSession;
    }

    /// <summary>How the policy's Allow statements that cover the request's action (and resource) name the caller, conditions left out.</summary>
    private static PrincipalGrant AllowGrant(CompiledPolicy policy, AuthorizationRequest request, bool anyResource)
    {
        var best = PrincipalGrant.None;
        foreach (var statement in policy.AllowStatements)
        {
            if (!statement.CoversAction(request) || (!anyResource && !statement.CoversResource(request))) continue;
            var grant = statement.HasPrincipal ? statement.GrantFor(request.Principal) : PrincipalGrant.Direct;
            if (grant > best) best = grant;
            if (best == PrincipalGrant.Direct) break;
        }
        return best;
    }

    private static Decision Run(PolicySet set, AuthorizationRequest request, Trace? trace, out ImplicitDenyReason reason)
    {
        reason = ImplicitDenyReason.None;

        // 1. An applicable Deny in any policy wins, whatever else allows.
        bool denied = false;
        var identity = set.Identity;
        for (int i = 0; i < identity.Count; i++) denied |= HasApplicableDeny(identity[i], request, trace);
        if (set.PermissionsBoundary is { } boundary) denied |= HasApplicableDeny(boundary, request, trace);
        var scpLevels = set.ServiceControlPolicyLevels;
        for (int l = 0; l < scpLevels.Count; l++)
            for (int i = 0; i < scpLevels[l].Count; i++) denied |= HasApplicableDeny(scpLevels[l][i], request, trace);
        var rcps = set.ResourceControlPolicies;
        if (rcps.Count > 0 && (set.RcpAppliesToService is null || set.RcpAppliesToService(request.Service)))
            for (int i = 0; i < rcps.Count; i++) denied |= HasApplicableDeny(rcps[i], request, trace);
        if (set.SessionPolicy is { } session) denied |= HasApplicableDeny(session, request, trace);
        if (set.ResourcePolicy is { } resourcePolicy) denied |= HasApplicableDeny(resourcePolicy, request, trace);
        if (denied) return Decision.ExplicitDeny;

        // 2. RCPs: RCPFullAWSAccess is attached at every level, so there is no Allow to miss.
        // 3. Every SCP level needs an Allow; nothing can make up for a missing one.
        for (int l = 0; l < scpLevels.Count; l++)
        {
            bool levelAllows = false;
            for (int i = 0; i < scpLevels[l].Count; i++) levelAllows |= HasApplicableAllow(scpLevels[l][i], request, trace);
            if (!levelAllows) { reason = ImplicitDenyReason.NotAllowedByServiceControlPolicy; return Decision.ImplicitDeny; }
        }

        // 4. The resource-based policy, and how it names the caller.
        var grant = set.ResourcePolicy is { } rp ? ResourceGrant(rp, request, trace) : PrincipalGrant.None;

        // 5.–7. Identity policies, boundary, session policy.
        bool identityAllows = false;
        for (int i = 0; i < identity.Count; i++) identityAllows |= HasApplicableAllow(identity[i], request, trace);

        if (request.IsCrossAccount)
        {
            if (!identityAllows) { reason = ImplicitDenyReason.NoIdentityAllow; return Decision.ImplicitDeny; }
            if (!BoundaryAndSessionAllow(set, request, trace, out reason)) return Decision.ImplicitDeny;
            if (grant == PrincipalGrant.None) { reason = ImplicitDenyReason.NotAllowedByResourcePolicy; return Decision.ImplicitDeny; }
            return Decision.Allowed;
        }

        if (grant == PrincipalGrant.Direct) return Decision.Allowed;
        if (!identityAllows && grant != PrincipalGrant.Entity) { reason = ImplicitDenyReason.NoIdentityAllow; return Decision.ImplicitDeny; }
        if (!BoundaryAndSessionAllow(set, request, trace, out reason)) return Decision.ImplicitDeny;
        return Decision.Allowed;
    }

    private static bool BoundaryAndSessionAllow(PolicySet set, AuthorizationRequest request, Trace? trace, out ImplicitDenyReason reason)
    {
        reason = ImplicitDenyReason.None;
        if (set.PermissionsBoundary is { } boundary && !HasApplicableAllow(boundary, request, trace))
        {
            reason = ImplicitDenyReason.NotAllowedByPermissionsBoundary;
            return false;
        }
        if (set.SessionPolicy is { } session && !HasApplicableAllow(session, request, trace))
        {
            reason = ImplicitDenyReason.NotAllowedBySessionPolicy;
            return false;
        }
        return true;
    }

    private static bool HasApplicableDeny(CompiledPolicy policy, AuthorizationRequest request, Trace? trace)
    {
        bool found = false;
        foreach (var statement in policy.DenyStatements)
        {
            if (!Applies(statement, request, trace, out _)) continue;
            if (trace is null) return true;
            trace.Denies.Add(Describe(policy, statement));
            found = true;
        }
        return found;
    }

    private static bool HasApplicableAllow(CompiledPolicy policy, AuthorizationRequest request, Trace? trace)
    {
        bool found = false;
        foreach (var statement in policy.AllowStatements)
        {
            if (!Applies(statement, request, trace, out _)) continue;
            if (trace is null) return true;
            trace.Allows.Add(Describe(policy, statement));
            found = true;
        }
        return found;
    }

    private static PrincipalGrant ResourceGrant(CompiledPolicy policy, AuthorizationRequest request, Trace? trace)
    {
        var best = PrincipalGrant.None;
        foreach (var statement in policy.AllowStatements)
        {
            if (!Applies(statement, request, trace, out var grant)) continue;
            trace?.Allows.Add(Describe(policy, statement));
            if (grant > best) best = grant;
        }
        return best;
    }

    private static bool Applies(CompiledStatement statement, AuthorizationRequest request, Trace? trace, out PrincipalGrant grant)
    {
        grant = PrincipalGrant.None;
        if (!statement.CoversAction(request)) return false;
        // MissingContextValues: the keys whose absence could have changed whether this statement
        // applies — resource variables once the action matches, conditions once the resource does.
        trace?.ReferencedKeys.AddRange(statement.ResourceVariableKeys);
        if (!statement.CoversResource(request)) return false;
        trace?.ReferencedKeys.AddRange(statement.ConditionKeys);
        if (statement.HasPrincipal)
        {
            grant = statement.GrantFor(request.Principal);
            if (grant == PrincipalGrant.None) return false;
        }
        else grant = PrincipalGrant.Direct;
        return statement.ConditionsHold(request.Context);
    }

    private static MatchedStatement Describe(CompiledPolicy policy, CompiledStatement statement) =>
        new(policy.Name, policy.Kind, statement.Source.Index, statement.Source.Sid?.Value, statement.Source.Effect, statement.Source.Span);

    private sealed class Trace
    {
        public List<MatchedStatement> Denies { get; } = [];
        public List<MatchedStatement> Allows { get; } = [];
        public List<string> ReferencedKeys { get; } = [];
    }
}
