namespace IamHarden.Core.Evaluation;

/// <summary>Which required Allow was missing when the decision is <see cref="Decision.ImplicitDeny"/>.</summary>
public enum ImplicitDenyReason
{
    None,
    /// <summary>No identity-based policy (and no resource-based policy) allows the request.</summary>
    NoIdentityAllow,
    /// <summary>The permissions boundary does not allow it.</summary>
    NotAllowedByPermissionsBoundary,
    /// <summary>Some level of the organization's SCPs has no Allow for it.</summary>
    NotAllowedByServiceControlPolicy,
    /// <summary>The session policy does not allow it.</summary>
    NotAllowedBySessionPolicy,
    /// <summary>Cross-account: the resource-based policy of the other account does not allow this principal.</summary>
    NotAllowedByResourcePolicy,
}
