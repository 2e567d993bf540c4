using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>Options of `verify`: the policy set and the properties to prove, or a policy test file.</summary>
public sealed class VerifySettings : CommandSettings
{
    [CommandOption("-p|--policy <FILE>")]
    [Description("Identity-based policy file, or arn:aws:iam::aws:policy/NAME for an AWS managed policy (repeatable).")]
    public string[] Policies { get; init; } = [];

    [CommandOption("--boundary <FILE>")]
    [Description("Permissions boundary policy file.")]
    public string? Boundary { get; init; }

    [CommandOption("--scp <FILE>")]
    [Description("Service control policy file (repeatable; together they form one SCP level).")]
    public string[] Scps { get; init; } = [];

    [CommandOption("--property <PROPERTY>")]
    [Description("What must hold (repeatable): mfa[[=ACTION,...]], mfa-enrollable[[=ACTION,...]], source-ip=CIDR,..., never=ACTION_PATTERN.")]
    public string[] Properties { get; init; } = [];

    [CommandOption("--must-reset-password")]
    [Description("mfa-enrollable: the user must also be able to change a password it must reset at first sign-in.")]
    public bool MustResetPassword { get; init; }

    [CommandOption("--allow-service-calls")]
    [Description("source-ip: requests an AWS service makes for the user (aws:ViaAWSService \"true\") are allowed from anywhere.")]
    public bool AllowServiceCalls { get; init; }

    [CommandOption("--allow-vpc-endpoint-calls")]
    [Description("source-ip: requests without aws:SourceIp (through VPC endpoints) are allowed.")]
    public bool AllowVpcEndpointCalls { get; init; }

    [CommandOption("--principal <ARN>")]
    [Description("The IAM user whose requests are considered (default arn:aws:iam::123456789012:user/alice, as simulate).")]
    public string? Principal { get; init; }

    [CommandOption("--any-user")]
    [Description("Prove for every IAM user of the account (the principal's account), not one named user; slower.")]
    public bool AnyUser { get; init; }

    [CommandOption("-c|--context <KEY=VALUE>")]
    [Description("Fix a context key (repeatable), e.g. aws:SourceIp=203.0.113.10: only requests with that value are considered.")]
    public string[] Context { get; init; } = [];

    [CommandOption("--timeout <SECONDS>")]
    [Description("Solver time per property (default 30); when it runs out the answer is \"unknown\", never \"proved\".")]
    public string Timeout { get; init; } = "30";

    [CommandOption("-f|--format <FORMAT>")]
    [Description("text (default) or json.")]
    public string Format { get; init; } = "text";

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the results to this file instead of standard output.")]
    public string? Output { get; init; }

    [CommandOption("--emit-smt2 <FILE>")]
    [Description("Write the SMT-LIB2 queries sent to the solver (one per property) to this file.")]
    public string? EmitSmt2 { get; init; }

    [CommandOption("--tests <FILE>")]
    [Description("Run a policy test file (YAML): expected decisions for requests and properties that must hold (docs/VERIFY.md).")]
    public string? Tests { get; init; }

    [CommandOption("--junit <FILE>")]
    [Description("With --tests: also write the results as JUnit XML for CI systems.")]
    public string? JUnit { get; init; }

    [CommandOption("--force")]
    [Description("Replace --output, --emit-smt2 and --junit files that exist.")]
    public bool Force { get; init; }

    public TimeSpan ParsedTimeout => TimeSpan.FromSeconds(double.Parse(Timeout, CultureInfo.InvariantCulture));

    public override ValidationResult Validate()
    {
        if (Tests is null && Policies.Length == 0) return ValidationResult.Error("give at least one --policy FILE (or --tests FILE.yaml)");
        if (Tests is null && Properties.Length == 0) return ValidationResult.Error("give at least one --property, e.g. --property mfa or --property source-ip=203.0.113.0/24");
        if (Tests is not null && (Policies.Length > 0 || Properties.Length > 0 || Boundary is not null || Scps.Length > 0))
            return ValidationResult.Error("--tests takes its policies and properties from the test file; do not combine it with --policy, --property, --boundary or --scp");
        if (JUnit is not null && Tests is null) return ValidationResult.Error("--junit goes with --tests FILE.yaml");
        if (Format is not ("text" or "json")) return ValidationResult.Error($"--format must be text or json; found \"{Format}\"");
        if (!double.TryParse(Timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 3600)
            return ValidationResult.Error($"--timeout must be a number of seconds from 0 to 3600; found \"{Timeout}\"");
        return ValidationResult.Success();
    }
}
