using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>Options of `replay`: the trail, the proposed policies and whom they reach, and how to report.</summary>
public sealed class ReplaySettings : CommandSettings
{
    [CommandOption("-t|--trail <PATH>")]
    [Description("CloudTrail log files (.json or .json.gz, as delivered to S3), a folder of them, `aws cloudtrail lookup-events` output, or JSON Lines (repeatable).")]
    public string[] Trails { get; init; } = [];

    [CommandOption("-p|--policy <FILE>")]
    [Description("A proposed policy (repeatable). Where it goes: --as.")]
    public string[] Policies { get; init; } = [];

    [CommandOption("--as <PLACEMENT>")]
    [Description("Where the --policy files would go: identity (default; attached through a group), boundary (permissions boundary) or scp.")]
    public string Placement { get; init; } = "identity";

    [CommandOption("--mfa")]
    [Description("Propose the guide's MFA policy (Force_MFA; --variant chooses which).")]
    public bool Mfa { get; init; }

    [CommandOption("--cidr <CIDR>")]
    [Description("Propose the guide's source-IP policy with this approved range (repeatable).")]
    public string[] Cidrs { get; init; } = [];

    [CommandOption("--vpce <ID>")]
    [Description("The source-IP policy also allows this VPC endpoint (repeatable).")]
    public string[] VpcEndpoints { get; init; } = [];

    [CommandOption("--vpc-source-cidr <CIDR>")]
    [Description("The source-IP policy also allows VPC-endpoint callers from this private range (repeatable).")]
    public string[] VpcSourceCidrs { get; init; } = [];

    [CommandOption("--variant <VARIANT>")]
    [Description("recommended (default) or guide: which form of the generated policies to replay.")]
    public string Variant { get; init; } = "recommended";

    [CommandOption("-c|--config <FILE>")]
    [Description("Replay the config's desired state (mfa.groups, ipRestriction.groups, allowedCidrs) when no policy is given; needs --snapshot.")]
    public string? Config { get; init; }

    [CommandOption("-s|--snapshot <DIR>")]
    [Description("Account snapshot: who is in which group (for --group and the config), user paths and tags.")]
    public string? Snapshot { get; init; }

    [CommandOption("--sample")]
    [Description("Use the bundled sample account, its config and its month of CloudTrail history.")]
    public bool Sample { get; init; }

    [CommandOption("-g|--group <NAME>")]
    [Description("The proposed policies reach only members of this group (repeatable; needs --snapshot).")]
    public string[] Groups { get; init; } = [];

    [CommandOption("-u|--user <NAME>")]
    [Description("Only replay calls by this IAM user (repeatable).")]
    public string[] Users { get; init; } = [];

    [CommandOption("--include-roles")]
    [Description("Also decide calls by role sessions and federated users (for policies that would reach roles).")]
    public bool IncludeRoles { get; init; }

    [CommandOption("--since <TIMESTAMP>")]
    [Description("Only events at or after this time (ISO 8601).")]
    public string? Since { get; init; }

    [CommandOption("--until <TIMESTAMP>")]
    [Description("Only events before this time (ISO 8601).")]
    public string? Until { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (default), json (summary and every refused call group) or jsonl (one line per refused call, streamed).")]
    public string Format { get; init; } = "table";

    [CommandOption("-o|--output <FILE>")]
    [Description("Write to this file instead of standard output.")]
    public string? Output { get; init; }

    [CommandOption("--force")]
    [Description("Replace the --output file if it exists.")]
    public bool Force { get; init; }

    [CommandOption("--top <N>")]
    [Description("Rows in the table of refused calls (default 20).")]
    public int Top { get; init; } = 20;

    [CommandOption("--fail-on-deny")]
    [Description("Exit with code 1 when any past call would have been refused (for CI).")]
    public bool FailOnDeny { get; init; }

    public DateTimeOffset? ParsedSince => ParseTime(Since);
    public DateTimeOffset? ParsedUntil => ParseTime(Until);

    private static DateTimeOffset? ParseTime(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override ValidationResult Validate()
    {
        if (Snapshot is not null && Sample) return ValidationResult.Error("give either --snapshot or --sample, not both");
        if (Trails.Length == 0 && !Sample) return ValidationResult.Error("give --trail with CloudTrail log files or a folder of them (or --sample for the bundled history)");
        if (Placement is not ("identity" or "boundary" or "scp")) return ValidationResult.Error($"--as must be identity, boundary or scp; found \"{Placement}\"");
        if (Variant is not ("recommended" or "guide")) return ValidationResult.Error($"--variant must be recommended or guide; found \"{Variant}\"");
        if (Format is not ("table" or "json" or "jsonl")) return ValidationResult.Error($"--format must be table, json or jsonl; found \"{Format}\"");
        if (Top < 1) return ValidationResult.Error($"--top must be at least 1; found {Top}");
        if (Placement == "boundary" && Policies.Length > 1) return ValidationResult.Error("--as boundary takes one --policy: a principal has at most one permissions boundary");
        bool proposes = Policies.Length > 0 || Mfa || Cidrs.Length > 0;
        if (!proposes && Config is null && !Sample)
            return ValidationResult.Error("nothing to replay: give --policy FILE, --mfa, --cidr CIDR, or --config FILE with --snapshot DIR (the desired state)");
        if ((Groups.Length > 0 || (!proposes && Config is not null)) && Snapshot is null && !Sample)
            return ValidationResult.Error((Groups.Length > 0 ? "--group" : "--config") + " needs --snapshot DIR: group membership comes from the account snapshot");
        if ((VpcEndpoints.Length > 0 || VpcSourceCidrs.Length > 0) && Cidrs.Length == 0)
            return ValidationResult.Error("--vpce and --vpc-source-cidr belong to the source-IP policy: give --cidr too");
        foreach (var (name, value) in new[] { ("--since", Since), ("--until", Until) })
            if (value is not null && !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
                return ValidationResult.Error($"{name} must be an ISO 8601 timestamp such as 2026-11-01T00:00:00Z; found \"{value}\"");
        return ValidationResult.Success();
    }
}
