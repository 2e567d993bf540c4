using IamHarden.Core.Policy;

namespace IamHarden.Core.Evaluation;

/// <summary>
/// The Principal/NotPrincipal element of a resource-based policy statement. AWS does not allow
/// partial wildcards in principals, so values compare literally; "*" is everyone.
/// </summary>
internal sealed class PrincipalMatcher(PrincipalElement element)
{
    public bool IsNegated => element.IsNegated;

    /// <summary>How this statement names <paramref name="caller"/> (for NotPrincipal: Direct when not excluded).</summary>
    public PrincipalGrant GrantFor(PrincipalIdentity caller)
    {
        var grant = element.IsWildcard ? PrincipalGrant.Direct : element.Entries.Select(e => Grant(e, caller)).DefaultIfEmpty(PrincipalGrant.None).Max();
        if (!element.IsNegated) return grant;
        return grant == PrincipalGrant.None ? PrincipalGrant.Direct : PrincipalGrant.None;
    }

    private static PrincipalGrant Grant(PrincipalEntry entry, PrincipalIdentity caller)
    {
        var value = entry.Value.Value;
        switch (entry.Type)
        {
            case PrincipalType.Service:
                return caller.Kind == PrincipalKind.Service && value == caller.Arn ? PrincipalGrant.Direct : PrincipalGrant.None;
            case PrincipalType.AWS:
                if (value == "*") return PrincipalGrant.Direct;
                if (value == caller.Arn) return PrincipalGrant.Direct;
                if (value == caller.AccountId || value == $"arn:{caller.Partition}:iam::{caller.AccountId}:root")
                    return caller.Kind == PrincipalKind.Root ? PrincipalGrant.Direct : PrincipalGrant.Account;
                if (caller.Kind == PrincipalKind.RoleSession && PrincipalIdentity.TryParse(value, out var named)
                    && named.Kind == PrincipalKind.Role && named.AccountId == caller.AccountId && named.Name == caller.RoleName)
                    return PrincipalGrant.Entity;
                return PrincipalGrant.None;
            default:
                return value == caller.Arn ? PrincipalGrant.Direct : PrincipalGrant.None;
        }
    }
}
