using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Guardrails;
using IamHarden.Core.Values;

namespace IamHarden.Aws.Apply;

/// <summary>
/// What plan/apply bring the account to, read from the same configuration file the audit uses (docs/APPLY.md): the
/// guardrails to manage, the break-glass users that must stay usable, and the approved networks. Built with
/// <see cref="FromConfig"/>, which rejects what cannot work with the file, line and column of the value.
/// </summary>
public sealed record DesiredState
{
    /// <summary>The managed guardrails (none, one or both).</summary>
    public required IReadOnlyList<DesiredGuardrail> Guardrails { get; init; }

    /// <summary>Break-glass user names (<c>breakGlass.users</c>).</summary>
    public required IReadOnlyList<string> BreakGlassUsers { get; init; }

    /// <summary>The approved source ranges (<c>allowedCidrs</c>).</summary>
    public required IReadOnlyList<IpRange> AllowedRanges { get; init; }

    /// <summary>The configuration it came from (for positions in messages).</summary>
    public required IamHardenConfig Config { get; init; }

    /// <summary>The guardrail of this kind, when managed.</summary>
    public DesiredGuardrail? Find(GuardrailKind kind) => Guardrails.FirstOrDefault(g => g.Kind == kind);

    /// <summary>Reads the desired state. Throws <see cref="ConfigException"/> (file:line:column: message) for a
    /// configuration that cannot be applied: an IP restriction without CIDRs, a CIDR that cannot work in aws:SourceIp,
    /// one policy name for both guardrails, a group listed twice.</summary>
    public static DesiredState FromConfig(IamHardenConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var guardrails = new List<DesiredGuardrail>();
        bool restrictsIp = config.Has("ipRestriction.groups");
        var ranges = new List<IpRange>();
        for (int i = 0; i < config.AllowedCidrs.Count; i++)
        {
            try
            {
                // Strict when the IP policy is written from them: the recommended policy refuses ranges that never
                // appear in aws:SourceIp (private, reserved) and ranges that restrict nothing.
                ranges.Add(GuardrailPolicies.ValidatePublicCidr(config.AllowedCidrs[i], strict: restrictsIp, source: "allowedCidrs"));
            }
            catch (GuardrailException e)
            {
                throw new ConfigException($"{config.Position($"allowedCidrs[{i}]")}: {e.Message}");
            }
        }

        if (config.Has("mfa.groups"))
        {
            CheckGroups(config, "mfa.groups", config.Mfa.Groups);
            guardrails.Add(new DesiredGuardrail(GuardrailKind.Mfa, config.Mfa.PolicyName, config.PolicyPath,
                GuardrailPolicies.Mfa(GuardrailVariant.Recommended, config.Mfa.PolicyName), config.Mfa.Groups));
        }
        if (restrictsIp)
        {
            CheckGroups(config, "ipRestriction.groups", config.IpRestriction.Groups);
            if (config.AllowedCidrs.Count == 0)
                throw new ConfigException($"{config.Position("ipRestriction.groups")}: ipRestriction.groups needs allowedCidrs: the approved networks (office, VPN, bastion egress) the policy lets through");
            try
            {
                var options = new IpRestrictionOptions
                {
                    Cidrs = config.AllowedCidrs,
                    VpcEndpointIds = config.IpRestriction.VpcEndpoints,
                    VpcSourceCidrs = config.IpRestriction.VpcSourceCidrs,
                };
                guardrails.Add(new DesiredGuardrail(GuardrailKind.IpRestriction, config.IpRestriction.PolicyName, config.PolicyPath,
                    GuardrailPolicies.IpRestriction(GuardrailVariant.Recommended, options, config.IpRestriction.PolicyName), config.IpRestriction.Groups));
            }
            catch (GuardrailException e)
            {
                throw new ConfigException($"{config.Position("ipRestriction")}: {e.Message}");
            }
        }
        if (guardrails.Count == 2 && string.Equals(guardrails[0].PolicyName, guardrails[1].PolicyName, StringComparison.OrdinalIgnoreCase))
            throw new ConfigException($"{config.Position("ipRestriction.policyName")}: mfa.policyName and ipRestriction.policyName are both \"{guardrails[1].PolicyName}\"; " +
                                      "IAM policy names are unique in an account (ignoring case), so give each guardrail its own name");

        return new DesiredState { Guardrails = guardrails, BreakGlassUsers = config.BreakGlass.Users, AllowedRanges = ranges, Config = config };
    }

    private static void CheckGroups(IamHardenConfig config, string key, IReadOnlyList<string> groups)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < groups.Count; i++)
        {
            if (groups[i].Length == 0)
                throw new ConfigException($"{config.Position($"{key}[{i}]")}: {key} has an empty group name");
            if (!seen.Add(groups[i]))
                throw new ConfigException($"{config.Position($"{key}[{i}]")}: group \"{groups[i]}\" is listed twice in {key} (IAM group names ignore case)");
        }
    }
}
