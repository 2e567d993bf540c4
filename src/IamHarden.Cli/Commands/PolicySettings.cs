using System.ComponentModel;
using IamHarden.Analysis.Guardrails;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>Options shared by `policy mfa`, `policy ip` and `policy guardrails`.</summary>
public class PolicySettings : CommandSettings
{
    [CommandOption("--variant <VARIANT>")]
    [Description("recommended (default: the guide's intent with its traps fixed) or guide (exactly as the guide prints it).")]
    public string Variant { get; init; } = "recommended";

    [CommandOption("-f|--format <FORMAT>")]
    [Description("json (default), terraform, or cloudformation.")]
    public string Format { get; init; } = "json";

    [CommandOption("-g|--group <NAME>")]
    [Description("IAM group to attach the policy to (repeatable; used by terraform and cloudformation).")]
    public string[] Groups { get; init; } = [];

    [CommandOption("-o|--output <FILE>")]
    [Description("Write to this file instead of standard output.")]
    public string? Output { get; init; }

    [CommandOption("--force")]
    [Description("Replace the --output file if it exists.")]
    public bool Force { get; init; }

    public GuardrailVariant ParsedVariant => Variant == "guide" ? GuardrailVariant.Guide : GuardrailVariant.Recommended;

    public override ValidationResult Validate()
    {
        if (Variant is not ("guide" or "recommended"))
            return ValidationResult.Error($"--variant must be guide or recommended; found \"{Variant}\"");
        if (Format is not ("json" or "terraform" or "cloudformation"))
            return ValidationResult.Error($"--format must be json, terraform or cloudformation; found \"{Format}\"");
        foreach (var group in Groups)
            if (group.Length is 0 or > 128 || !group.All(c => char.IsAsciiLetterOrDigit(c) || "+=,.@_-".Contains(c)))
                return ValidationResult.Error($"--group \"{group}\" is not a valid IAM group name (letters, digits and +=,.@_- only, at most 128 characters)");
        return ValidationResult.Success();
    }
}

public sealed class MfaPolicySettings : PolicySettings
{
    [CommandOption("--name <NAME>")]
    [Description("Name of the managed policy (default Force_MFA).")]
    public string Name { get; init; } = GuardrailPolicies.DefaultMfaPolicyName;
}

public class IpPolicySettings : PolicySettings
{
    [CommandOption("--cidr <CIDR>")]
    [Description("Approved public source range, IPv4 or IPv6 (repeatable; at least one).")]
    public string[] Cidrs { get; init; } = [];

    [CommandOption("--vpce <ID>")]
    [Description("Allow requests that come through this VPC endpoint (repeatable).")]
    public string[] VpcEndpoints { get; init; } = [];

    [CommandOption("--vpc-source-cidr <CIDR>")]
    [Description("Allow VPC-endpoint callers from this private range (aws:VpcSourceIp; repeatable).")]
    public string[] VpcSourceCidrs { get; init; } = [];

    [CommandOption("--ip-name <NAME>")]
    [Description("Name of the IP-restriction managed policy (default Restrict_Source_IP).")]
    public string IpPolicyName { get; init; } = GuardrailPolicies.DefaultIpPolicyName;

    public IpRestrictionOptions ToOptions() => new() { Cidrs = Cidrs, VpcEndpointIds = VpcEndpoints, VpcSourceCidrs = VpcSourceCidrs };
}

public sealed class GuardrailsPolicySettings : IpPolicySettings
{
    [CommandOption("--mfa-name <NAME>")]
    [Description("Name of the MFA managed policy (default Force_MFA).")]
    public string MfaPolicyName { get; init; } = GuardrailPolicies.DefaultMfaPolicyName;
}
