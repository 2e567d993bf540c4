using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>Options of `simulate`: the policies, and either one request or a JSONL file of requests.</summary>
public sealed class SimulateSettings : CommandSettings
{
    [CommandOption("-p|--policy <FILE>")]
    [Description("Identity-based policy file (repeat for several; their statements are combined as AWS combines a principal's policies).")]
    public string[] Policies { get; init; } = [];

    [CommandOption("--snapshot <DIR>")]
    [Description("Take the policies of --user from this account snapshot (its inline, attached and group policies and its permissions boundary).")]
    public string? Snapshot { get; init; }

    [CommandOption("--sample")]
    [Description("Take the policies of --user from the bundled sample account.")]
    public bool Sample { get; init; }

    [CommandOption("--user <NAME>")]
    [Description("With --snapshot or --sample: the IAM user whose effective policies decide (also the default --principal).")]
    public string? User { get; init; }

    [CommandOption("--boundary <FILE>")]
    [Description("Permissions boundary policy file.")]
    public string? Boundary { get; init; }

    [CommandOption("--scp <FILE>")]
    [Description("Service control policy file (repeatable; together they form one SCP level, so include FullAWSAccess if the level has it).")]
    public string[] Scps { get; init; } = [];

    [CommandOption("--rcp <FILE>")]
    [Description("Resource control policy file (repeatable; RCPFullAWSAccess is always implied).")]
    public string[] Rcps { get; init; } = [];

    [CommandOption("--session-policy <FILE>")]
    [Description("Session policy file (for role or federated sessions).")]
    public string? SessionPolicy { get; init; }

    [CommandOption("--resource-policy <FILE>")]
    [Description("Resource-based policy of the requested resource (bucket policy, queue policy, ...).")]
    public string? ResourcePolicy { get; init; }

    [CommandOption("-a|--action <ACTION>")]
    [Description("The action to decide, e.g. s3:GetObject.")]
    public string? Action { get; init; }

    [CommandOption("-r|--resource <ARN>")]
    [Description("The resource ARN; \"*\" (the default) for actions without resource-level permissions.")]
    public string Resource { get; init; } = "*";

    [CommandOption("-c|--context <KEY=VALUE>")]
    [Description("A request context key, e.g. aws:SourceIp=203.0.113.9 or aws:TagKeys=[[\"a\",\"b\"]] (repeatable). Only the keys given exist.")]
    public string[] Context { get; init; } = [];

    [CommandOption("--principal <ARN>")]
    [Description("The caller (default arn:aws:iam::123456789012:user/alice).")]
    public string? Principal { get; init; }

    [CommandOption("--resource-account <ID>")]
    [Description("Account that owns the resource; a different account than the principal's makes the request cross-account.")]
    public string? ResourceAccount { get; init; }

    [CommandOption("--derive-context")]
    [Description("Add aws:username, aws:PrincipalArn, aws:PrincipalAccount and aws:PrincipalType from the principal when not given.")]
    public bool DeriveContext { get; init; }

    [CommandOption("--requests <FILE>")]
    [Description("A JSONL file of requests (\"-\" for standard input), one {\"id\",\"action\",\"resource\",\"context\",\"policies\"?} per line.")]
    public string? Requests { get; init; }

    [CommandOption("-o|--output <FORMAT>")]
    [Description("text (default for one request), json, or jsonl (default with --requests).")]
    public string? Output { get; init; }

    [CommandOption("--explain")]
    [Description("With --requests: add the matched statements and missing context keys to every line.")]
    public bool Explain { get; init; }

    public override ValidationResult Validate()
    {
        if (Action is null && Requests is null)
            return ValidationResult.Error("give --action (one request) or --requests FILE.jsonl (a batch)");
        if (Action is not null && Requests is not null)
            return ValidationResult.Error("give either --action or --requests, not both");
        if (Output is not null && Output is not ("text" or "json" or "jsonl"))
            return ValidationResult.Error($"--output must be text, json or jsonl; found \"{Output}\"");
        if (Requests is not null && Output is "text" or "json")
            return ValidationResult.Error("with --requests the output is jsonl (one result line per request)");
        if ((Snapshot is not null || Sample) != (User is not null))
            return ValidationResult.Error("--user goes with --snapshot DIR or --sample (and they need --user)");
        if (Snapshot is not null && Sample) return ValidationResult.Error("give either --snapshot or --sample, not both");
        if (ResourceAccount is not null && (ResourceAccount.Length != 12 || !ResourceAccount.All(char.IsAsciiDigit)))
            return ValidationResult.Error($"--resource-account must be a 12-digit account id; found \"{ResourceAccount}\"");
        return ValidationResult.Success();
    }
}
