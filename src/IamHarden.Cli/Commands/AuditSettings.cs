using System.ComponentModel;
using System.Globalization;
using IamHarden.Analysis.Audit;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>Options of `audit`: the snapshot, the configuration, and how to report.</summary>
public sealed class AuditSettings : CommandSettings
{
    [CommandOption("-s|--snapshot <DIR>")]
    [Description("Snapshot directory (authorization-details.json, credential-report.csv, account-summary.json, password-policy.json, virtual-mfa-devices.json).")]
    public string? Snapshot { get; init; }

    [CommandOption("--sample")]
    [Description("Audit the bundled sample account (as of 2026-11-30 unless --as-of is given).")]
    public bool Sample { get; init; }

    [CommandOption("-c|--config <FILE>")]
    [Description("IamHarden configuration (YAML): allowedCidrs, breakGlass, ipRestriction, thresholds, ... All keys optional.")]
    public string? Config { get; init; }

    [CommandOption("--as-of <TIMESTAMP>")]
    [Description("The audit time for every age (ISO 8601, e.g. 2026-11-30T12:00:00Z); default now. Makes results reproducible.")]
    public string? AsOf { get; init; }

    [CommandOption("--scp <FILE>")]
    [Description("Service control policy that applies to the account (repeatable; one SCP level).")]
    public string[] Scps { get; init; } = [];

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (default), json, csv, sarif or html (one self-contained page; use with --output).")]
    public string Format { get; init; } = "table";

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the report to this file instead of standard output.")]
    public string? Output { get; init; }

    [CommandOption("--force")]
    [Description("Replace the --output file if it exists.")]
    public bool Force { get; init; }

    [CommandOption("--fail-on <SEVERITY>")]
    [Description("Exit with code 1 when a finding of this severity or worse exists: critical, high, medium, low, info.")]
    public string? FailOn { get; init; }

    [CommandOption("--lang <LANG>")]
    [Description("Language of messages and remediation: en (default) or ko. The HTML report carries both and opens in this one.")]
    public string Lang { get; init; } = "en";

    [CommandOption("--checks <IDS>")]
    [Description("Run only these checks (comma-separated ids).")]
    public string? Checks { get; init; }

    [CommandOption("--skip-checks <IDS>")]
    [Description("Skip these checks (comma-separated ids).")]
    public string? SkipChecks { get; init; }

    [CommandOption("--analyzer <KIND>")]
    [Description("How \"allowed without MFA\" and \"allowed from outside\" are decided: auto (the search, then Z3 proofs for what no request settles, when libz3 is installed and the account has at most 50 distinct policy combinations), prover (proofs for every answer), or search.")]
    public string Analyzer { get; init; } = "auto";

    public DateTimeOffset? ParsedAsOf => AsOf is null ? null
        : DateTimeOffset.Parse(AsOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public Severity? ParsedFailOn => FailOn is null ? null : SeverityExtensions.TryParse(FailOn, out var s) ? s : null;

    public static IReadOnlyList<string> SplitIds(string? ids) =>
        ids?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public override ValidationResult Validate()
    {
        if (Snapshot is null && !Sample) return ValidationResult.Error("give --snapshot DIR (or --sample for the bundled sample account)");
        if (Snapshot is not null && Sample) return ValidationResult.Error("give either --snapshot or --sample, not both");
        if (Format is not ("table" or "json" or "csv" or "sarif" or "html"))
            return ValidationResult.Error($"--format must be table, json, csv, sarif or html; found \"{Format}\"");
        if (Lang is not ("en" or "ko")) return ValidationResult.Error($"--lang must be en or ko; found \"{Lang}\"");
        if (FailOn is not null && ParsedFailOn is null) return ValidationResult.Error($"--fail-on must be critical, high, medium, low or info; found \"{FailOn}\"");
        if (Analyzer is not ("auto" or "prover" or "search")) return ValidationResult.Error($"--analyzer must be auto, prover or search; found \"{Analyzer}\"");
        if (AsOf is not null && !DateTimeOffset.TryParse(AsOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            return ValidationResult.Error($"--as-of must be an ISO 8601 timestamp such as 2026-11-30T12:00:00Z; found \"{AsOf}\"");
        return ValidationResult.Success();
    }
}
