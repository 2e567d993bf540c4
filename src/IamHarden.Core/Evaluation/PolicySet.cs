namespace IamHarden.Core.Evaluation;

/// <summary>
/// Every policy that takes part in deciding a principal's requests (spec §1.3). Only identity
/// policies grant; boundary, SCPs, RCPs and session policy only limit; a resource-based policy
/// grants for its resource.
/// </summary>
public sealed record PolicySet
{
    /// <summary>Identity-based policies: the principal's inline and managed policies and those of its groups.</summary>
    public IReadOnlyList<CompiledPolicy> Identity { get; init; } = [];

    /// <summary>The permissions boundary, if the user or role has one.</summary>
    public CompiledPolicy? PermissionsBoundary { get; init; }

    /// <summary>
    /// SCPs by level of the principal's organization (root, each OU, the account): every level needs
    /// an Allow. Empty when the account is not governed by SCPs.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<CompiledPolicy>> ServiceControlPolicyLevels { get; init; } = [];

    /// <summary>
    /// RCPs of the resource's organization. RCPFullAWSAccess is always attached at every level, so
    /// only their Deny statements can change a decision.
    /// </summary>
    public IReadOnlyList<CompiledPolicy> ResourceControlPolicies { get; init; } = [];

    /// <summary>Services RCPs apply to (null: all). RCPs only govern the services that support them.</summary>
    public Func<string, bool>? RcpAppliesToService { get; init; }

    /// <summary>The session policy of a role or federated session.</summary>
    public CompiledPolicy? SessionPolicy { get; init; }

    /// <summary>The resource-based policy of the requested resource.</summary>
    public CompiledPolicy? ResourcePolicy { get; init; }

    /// <summary>A set of identity policies only.</summary>
    public static PolicySet OfIdentity(params CompiledPolicy[] policies) => new() { Identity = policies };

    /// <summary>Every policy, for the explicit-deny pass.</summary>
    internal IEnumerable<CompiledPolicy> All(string service)
    {
        foreach (var p in Identity) yield return p;
        if (PermissionsBoundary is not null) yield return PermissionsBoundary;
        foreach (var level in ServiceControlPolicyLevels)
            foreach (var p in level) yield return p;
        if (RcpAppliesToService is null || RcpAppliesToService(service))
            foreach (var p in ResourceControlPolicies) yield return p;
        if (SessionPolicy is not null) yield return SessionPolicy;
        if (ResourcePolicy is not null) yield return ResourcePolicy;
    }
}
