using System.ComponentModel;
using IamHarden.Analysis.Lint;
using IamHarden.Core.Policy;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>Options of `lint`: the files, the output format, and what the policies are.</summary>
public sealed class LintSettings : CommandSettings
{
    [CommandArgument(0, "[FILE]")]
    [Description("Policy files to lint (\"-\" for standard input).")]
    public string[] Files { get; init; } = [];

    [CommandOption("-f|--format <FORMAT>")]
    [Description("text (default: file:line:col: severity CODE: message), json, or sarif (SARIF 2.1.0, for GitHub code scanning).")]
    public string Format { get; init; } = "text";

    [CommandOption("-k|--kind <KIND>")]
    [Description("What the policies are: identity (default), resource, scp, rcp, boundary, session or trust.")]
    public string Kind { get; init; } = "identity";

    [CommandOption("--quota <QUOTA>")]
    [Description("Size quota to check: managed (default for identity and boundary), user-inline, group-inline, role-inline, organizations (scp, rcp), trust, session, or none.")]
    public string? Quota { get; init; }

    [CommandOption("--aws-managed")]
    [Description("The files are AWS managed policies: names missing from the catalog are warnings, sizes are not checked.")]
    public bool AwsManaged { get; init; }

    [CommandOption("--ignore <CODE>")]
    [Description("Do not report this code (repeatable), e.g. --ignore SOURCE_IP_IPV4_ONLY.")]
    public string[] Ignore { get; init; } = [];

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the report to this file instead of standard output.")]
    public string? Output { get; init; }

    [CommandOption("--force")]
    [Description("Replace the --output file if it exists.")]
    public bool Force { get; init; }

    [CommandOption("--list-rules")]
    [Description("List every code with its severity and title, and exit.")]
    public bool ListRules { get; init; }

    public PolicyKind ParsedKind => PolicyKindExtensions.TryParseCliName(Kind, out var kind) ? kind : PolicyKind.Identity;

    public SizeQuota? ParsedQuota => Quota is not null && SizeQuotaExtensions.TryParseCliName(Quota, out var quota) ? quota : null;

    public override ValidationResult Validate()
    {
        if (!ListRules && Files.Length == 0)
            return ValidationResult.Error("give at least one policy file (or \"-\" for standard input)");
        if (Format is not ("text" or "json" or "sarif"))
            return ValidationResult.Error($"--format must be text, json or sarif; found \"{Format}\"");
        if (!PolicyKindExtensions.TryParseCliName(Kind, out _))
            return ValidationResult.Error($"--kind must be identity, resource, scp, rcp, boundary, session or trust; found \"{Kind}\"");
        if (Quota is not null && !SizeQuotaExtensions.TryParseCliName(Quota, out _))
            return ValidationResult.Error($"--quota must be managed, user-inline, group-inline, role-inline, organizations, trust, session or none; found \"{Quota}\"");
        foreach (var code in Ignore)
            if (LintRules.Find(code) is null)
                return ValidationResult.Error($"--ignore \"{code}\" is not a lint code (see iamharden lint --list-rules)");
        if (Files.Count(LintRun.IsStandardInput) > 1)
            return ValidationResult.Error("standard input (\"-\") can be given only once");
        return ValidationResult.Success();
    }
}
