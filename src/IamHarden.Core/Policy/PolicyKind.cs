namespace IamHarden.Core.Policy;

/// <summary>What a policy document is attached to; it decides which elements are required or forbidden.</summary>
public enum PolicyKind
{
    /// <summary>Identity-based policy of a user, group or role (inline or managed).</summary>
    Identity,
    /// <summary>Resource-based policy (bucket policy, queue policy, key policy, ...): names a Principal.</summary>
    Resource,
    /// <summary>Organizations service control policy: limits the principals of member accounts.</summary>
    ServiceControl,
    /// <summary>Organizations resource control policy: limits the resources of member accounts.</summary>
    ResourceControl,
    /// <summary>Permissions boundary of a user or role.</summary>
    PermissionsBoundary,
    /// <summary>Session policy passed to AssumeRole*/GetFederationToken.</summary>
    Session,
    /// <summary>Role trust policy (AssumeRolePolicyDocument): names a Principal, has no Resource.</summary>
    Trust,
}

public static class PolicyKindExtensions
{
    /// <summary>Identity-type policies may not name a Principal (Access Analyzer: Unsupported principal).</summary>
    public static bool ForbidsPrincipal(this PolicyKind kind) =>
        kind is PolicyKind.Identity or PolicyKind.PermissionsBoundary or PolicyKind.Session or PolicyKind.ServiceControl;

    public static bool RequiresPrincipal(this PolicyKind kind) =>
        kind is PolicyKind.Resource or PolicyKind.Trust or PolicyKind.ResourceControl;

    public static bool RequiresResource(this PolicyKind kind) => kind is not PolicyKind.Trust;

    /// <summary>Policies IAM or Organizations store themselves: their Sids must be alphanumeric and unique.</summary>
    public static bool HasStrictSids(this PolicyKind kind) => kind is not PolicyKind.Resource;

    /// <summary>The word used on the command line (--kind) and in messages.</summary>
    public static string CliName(this PolicyKind kind) => kind switch
    {
        PolicyKind.Identity => "identity",
        PolicyKind.Resource => "resource",
        PolicyKind.ServiceControl => "scp",
        PolicyKind.ResourceControl => "rcp",
        PolicyKind.PermissionsBoundary => "boundary",
        PolicyKind.Session => "session",
        _ => "trust",
    };

    public static bool TryParseCliName(string text, out PolicyKind kind)
    {
        foreach (var candidate in Enum.GetValues<PolicyKind>())
        {
            if (string.Equals(candidate.CliName(), text, StringComparison.OrdinalIgnoreCase)) { kind = candidate; return true; }
        }
        kind = PolicyKind.Identity;
        return false;
    }
}
