using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint;

/// <summary>
/// The IAM or Organizations size quota a policy must fit: IAM counts characters without
/// whitespace (<see cref="PolicySize"/>), Organizations counts every character. Inline quotas
/// apply to all inline policies of one user, group or role together; lint sees one document, so
/// it checks that document alone against the quota.
/// </summary>
public enum SizeQuota
{
    /// <summary>No size check (resource-based policies, whose limits differ by service, and AWS managed policies).</summary>
    None,
    /// <summary>Customer managed policy (also permissions boundaries): 6,144 characters.</summary>
    Managed,
    /// <summary>Inline policies of a user: 2,048 characters.</summary>
    UserInline,
    /// <summary>Inline policies of a group: 5,120 characters.</summary>
    GroupInline,
    /// <summary>Inline policies of a role: 10,240 characters.</summary>
    RoleInline,
    /// <summary>Service or resource control policy: 5,120 characters, whitespace included.</summary>
    OrganizationsPolicy,
    /// <summary>Role trust policy: 2,048 characters by default (AWS can raise it to 4,096 on request).</summary>
    TrustPolicy,
    /// <summary>Session policy passed to AssumeRole*/GetFederationToken: 2,048 characters.</summary>
    SessionPolicy,
}

public static class SizeQuotaExtensions
{
    /// <summary>The limit in characters without whitespace, or null for <see cref="SizeQuota.None"/>.</summary>
    public static int? Limit(this SizeQuota quota) => quota switch
    {
        SizeQuota.Managed => PolicySize.ManagedPolicy,
        SizeQuota.UserInline => PolicySize.UserInline,
        SizeQuota.GroupInline => PolicySize.GroupInline,
        SizeQuota.RoleInline => PolicySize.RoleInline,
        SizeQuota.OrganizationsPolicy => PolicySize.ServiceControlPolicy,
        SizeQuota.TrustPolicy => 2048,
        SizeQuota.SessionPolicy => 2048,
        _ => null,
    };

    /// <summary>What the quota is for, in messages: "a customer managed policy".</summary>
    public static string Describe(this SizeQuota quota) => quota switch
    {
        SizeQuota.Managed => "a customer managed policy",
        SizeQuota.UserInline => "the inline policies of a user",
        SizeQuota.GroupInline => "the inline policies of a group",
        SizeQuota.RoleInline => "the inline policies of a role",
        SizeQuota.OrganizationsPolicy => "a service or resource control policy",
        SizeQuota.TrustPolicy => "a role trust policy (default quota)",
        SizeQuota.SessionPolicy => "a session policy",
        _ => "no quota",
    };

    /// <summary>The quota a policy of this kind is held to unless told otherwise.</summary>
    public static SizeQuota DefaultFor(PolicyKind kind) => kind switch
    {
        PolicyKind.Identity or PolicyKind.PermissionsBoundary => SizeQuota.Managed,
        PolicyKind.ServiceControl or PolicyKind.ResourceControl => SizeQuota.OrganizationsPolicy,
        PolicyKind.Trust => SizeQuota.TrustPolicy,
        PolicyKind.Session => SizeQuota.SessionPolicy,
        _ => SizeQuota.None,
    };

    /// <summary>The word used on the command line (--quota).</summary>
    public static string CliName(this SizeQuota quota) => quota switch
    {
        SizeQuota.Managed => "managed",
        SizeQuota.UserInline => "user-inline",
        SizeQuota.GroupInline => "group-inline",
        SizeQuota.RoleInline => "role-inline",
        SizeQuota.OrganizationsPolicy => "organizations",
        SizeQuota.TrustPolicy => "trust",
        SizeQuota.SessionPolicy => "session",
        _ => "none",
    };

    public static bool TryParseCliName(string text, out SizeQuota quota)
    {
        foreach (var candidate in Enum.GetValues<SizeQuota>())
        {
            if (string.Equals(candidate.CliName(), text, StringComparison.OrdinalIgnoreCase)) { quota = candidate; return true; }
        }
        quota = SizeQuota.None;
        return false;
    }
}
