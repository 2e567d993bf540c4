using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>Options of `collect`: where to write the snapshot and how.</summary>
public sealed class CollectSettings : AwsSettings
{
    [CommandOption("-o|--out <DIR>")]
    [Description("Snapshot directory to write (created when missing): authorization-details.json, credential-report.csv, account-summary.json, password-policy.json (when the account has one), virtual-mfa-devices.json.")]
    public string? Out { get; init; }

    [CommandOption("--force")]
    [Description("Replace the snapshot files in a directory that is not empty (other files are left alone).")]
    public bool Force { get; init; }

    [CommandOption("--timestamps <FORMAT>")]
    [Description("iso8601 (default; as AWS CLI v2 writes them) or wire (AWS CLI v1's default).")]
    public string Timestamps { get; init; } = "iso8601";

    [CommandOption("--parallel")]
    [Description("Fetch users, groups, roles and policies as four concurrent paginations (faster on large accounts; the same content, but a server may order filtered lists differently from the AWS CLI).")]
    public bool Parallel { get; init; }

    public override ValidationResult Validate()
    {
        if (Out is null) return ValidationResult.Error("give --out DIR: the directory to write the snapshot to");
        if (Timestamps is not ("iso8601" or "wire")) return ValidationResult.Error($"--timestamps must be iso8601 or wire; found \"{Timestamps}\"");
        return base.Validate();
    }
}
