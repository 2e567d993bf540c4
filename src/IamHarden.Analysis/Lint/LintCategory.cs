namespace IamHarden.Analysis.Lint;

/// <summary>What kind of problem a rule looks for; docs/LINT.md is organised by it.</summary>
public enum LintCategory
{
    /// <summary>The policy language: JSON, elements, Version, Sids, operators and value formats. Reported by the parser.</summary>
    Grammar,
    /// <summary>Names checked against the AWS action catalog: services, actions, ARNs, condition keys and their types.</summary>
    Catalog,
    /// <summary>Conditions that are valid but do not do what they seem to (set operators, IfExists, empty values).</summary>
    Conditions,
    /// <summary>Statements or list entries that add nothing, and policies over AWS's size quotas.</summary>
    Structure,
    /// <summary>Overly broad grants: NotAction/NotResource in Allow, wildcards, iam:PassRole, privilege escalation.</summary>
    Security,
    /// <summary>The hardening guide's MFA policy written in ways that silently fail to protect or lock users out.</summary>
    MfaTraps,
    /// <summary>The hardening guide's source-IP policy written in ways that break services, lock users out or protect nothing.</summary>
    SourceIpTraps,
}
