using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Replay;

/// <summary>Where a proposed policy would be put: as an identity policy (through a group), a permissions boundary, or an SCP.</summary>
public enum PolicyPlacement { Identity, PermissionsBoundary, ServiceControl }

/// <summary>
/// A policy the user plans to switch on, where it would go, and whom it would reach: the ARNs of the
/// principals it applies to (the members of the groups it will be attached to), or everyone replayed.
/// </summary>
public sealed record ProposedPolicy(CompiledPolicy Policy, PolicyPlacement Placement, IReadOnlySet<string>? PrincipalArns = null)
{
    /// <summary>Where the policy's text can be found, for the `simulate` command that reproduces a block.</summary>
    public string? SourceFile { get; init; }

    public bool AppliesTo(string principalArn) => PrincipalArns is null || PrincipalArns.Contains(principalArn);
}
