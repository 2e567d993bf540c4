using System.ComponentModel;
using System.Net;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>Options plan and apply share: the desired state and who calls from where.</summary>
public class GuardrailSettings : AwsSettings
{
    [CommandOption("-c|--config <FILE>")]
    [Description("IamHarden configuration (YAML) with the desired state: mfa.groups, ipRestriction.groups, allowedCidrs, breakGlass.users, policy names, policyPath (docs/APPLY.md).")]
    public string? Config { get; init; }

    [CommandOption("--caller-ip <IP>")]
    [Description("The public address AWS sees your requests come from (office or VPN egress). Without it, IamHarden asks https://checkip.amazonaws.com when the IP restriction would apply to you, and refuses if it cannot find out.")]
    public string? CallerIp { get; init; }

    [CommandOption("--scp <FILE>")]
    [Description("Service control policy that applies to the account (repeatable; one SCP level): the lockout guard judges every user's access with it. Without it the guard reads no SCPs.")]
    public string[] Scps { get; init; } = [];

    [CommandOption("--mfa-session")]
    [Description("Your temporary credentials come from an MFA session (aws sts get-session-token --serial-number ... --token-code ...): the lockout guard judges your own requests with MFA. Without it, temporary credentials are assumed to carry none.")]
    public bool MfaSession { get; init; }

    public IPAddress? ParsedCallerIp => CallerIp is null ? null : IPAddress.Parse(CallerIp);

    public override ValidationResult Validate()
    {
        if (CallerIp is not null && !IPAddress.TryParse(CallerIp, out _))
            return ValidationResult.Error($"--caller-ip must be an IPv4 or IPv6 address such as 203.0.113.10; found \"{CallerIp}\"");
        return base.Validate();
    }
}
