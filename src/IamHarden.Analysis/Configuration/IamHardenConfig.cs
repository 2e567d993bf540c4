namespace IamHarden.Analysis.Configuration;

/// <summary>Who must be IP-restricted by the ip_restriction_enforced check.</summary>
public enum IpRestrictionScope
{
    /// <summary>Principals allowed iam write actions that grant privileges, or "*" (the default).</summary>
    Admins,
    /// <summary>Every user with a console password.</summary>
    ConsoleUsers,
    /// <summary>Every IAM user.</summary>
    AllUsers,
}

/// <summary>Ages in days after which credentials count as unused, stale or recently used.</summary>
public sealed record Thresholds
{
    public int UnusedCredentialDays { get; init; } = 45;
    public int AccessKeyMaxAgeDays { get; init; } = 90;
    public int RootUseDays { get; init; } = 90;
}

/// <summary>The password policy the account is held to (CIS: length 14, reuse 24).</summary>
public sealed record PasswordRequirements
{
    public int MinimumLength { get; init; } = 14;
    public int ReusePrevention { get; init; } = 24;
    public bool RequireSymbols { get; init; } = true;
    public bool RequireNumbers { get; init; } = true;
    public bool RequireUppercase { get; init; } = true;
    public bool RequireLowercase { get; init; } = true;
    public int? MaxAgeDays { get; init; }
}

/// <summary>Desired MFA guardrail: which groups get the MFA policy and under which name.</summary>
public sealed record MfaSettings
{
    public IReadOnlyList<string> Groups { get; init; } = [];
    public string PolicyName { get; init; } = "Force_MFA";
}

/// <summary>IP restriction: audit scope and the desired state (groups and policy name).</summary>
public sealed record IpRestrictionSettings
{
    public IpRestrictionScope Scope { get; init; } = IpRestrictionScope.Admins;
    public IReadOnlyList<string> Groups { get; init; } = [];
    public string PolicyName { get; init; } = "Restrict_Source_IP";
    /// <summary>VPC endpoints whose callers are allowed (aws:SourceVpce).</summary>
    public IReadOnlyList<string> VpcEndpoints { get; init; } = [];
    /// <summary>Private ranges of VPC-endpoint callers (aws:VpcSourceIp).</summary>
    public IReadOnlyList<string> VpcSourceCidrs { get; init; } = [];
}

/// <summary>Break-glass (emergency) accounts: exempt from the IP restriction, held to their own rules.</summary>
public sealed record BreakGlassSettings
{
    public IReadOnlyList<string> Users { get; init; } = [];
}

/// <summary>
/// The IamHarden configuration file (YAML, PRODUCT.md): audit settings and the desired state for
/// plan/apply. Every key is optional; the defaults follow the guide and CIS.
/// </summary>
public sealed record IamHardenConfig
{
    public IReadOnlyList<string> AllowedCidrs { get; init; } = [];
    public BreakGlassSettings BreakGlass { get; init; } = new();
    public IpRestrictionSettings IpRestriction { get; init; } = new();
    public MfaSettings Mfa { get; init; } = new();
    public Thresholds Thresholds { get; init; } = new();
    public PasswordRequirements PasswordPolicy { get; init; } = new();
    /// <summary>Policy path for the generated managed policies (plan/apply).</summary>
    public string PolicyPath { get; init; } = "/";
    /// <summary>Where the file was read from (for messages).</summary>
    public string? Source { get; init; }

    /// <summary>
    /// Where each key and list entry was written, by path ("mfa.groups", "mfa.groups[0]",
    /// "allowedCidrs[1]"): lets checks made after reading (a group the account lacks) point at the
    /// line, and tells a key given as an empty list from a key left out.
    /// </summary>
    public IReadOnlyDictionary<string, ConfigLocation> Locations { get; init; } = new Dictionary<string, ConfigLocation>();

    /// <summary>True when the file gives this key (a path such as "mfa.groups").</summary>
    public bool Has(string keyPath) => Locations.ContainsKey(keyPath);

    /// <summary>"file:line:column" of a key or list entry, or the file name when its position is unknown.</summary>
    public string Position(string keyPath) =>
        Locations.TryGetValue(keyPath, out var at) ? $"{Source}:{at.Line}:{at.Column}" : Source ?? "the configuration";

    public bool IsBreakGlass(string userName) => BreakGlass.Users.Contains(userName, StringComparer.Ordinal);
}
