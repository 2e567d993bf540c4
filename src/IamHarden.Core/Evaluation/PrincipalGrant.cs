namespace IamHarden.Core.Evaluation;

/// <summary>
/// How a resource-based policy's Principal names the caller, which decides whether its Allow
/// stands on its own in the same account (spec §1.4, "Resource-based policies and implicit denies").
/// </summary>
public enum PrincipalGrant
{
    /// <summary>The statement does not name the caller.</summary>
    None,
    /// <summary>Names the caller's account: a delegation; the identity policy must still allow [impl].</summary>
    Account,
    /// <summary>Names the role (caller is its session): no identity Allow needed, but boundary and session policy still limit.</summary>
    Entity,
    /// <summary>Names the caller itself (user ARN, session ARN, "*"): the Allow alone suffices in the same account.</summary>
    Direct,
}
