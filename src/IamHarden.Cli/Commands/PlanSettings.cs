using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>Options of `plan`.</summary>
public sealed class PlanSettings : GuardrailSettings
{
    [CommandOption("-f|--format <FORMAT>")]
    [Description("text (default: each change with the users it affects, and the lockout guard's verdict) or json ({\"changes\":[[...]]}).")]
    public string Format { get; init; } = "text";

    [CommandOption("-o|--output <FILE>")]
    [Description("Write the plan to this file instead of standard output.")]
    public string? Output { get; init; }

    [CommandOption("--force")]
    [Description("Replace the --output file if it exists.")]
    public bool Force { get; init; }

    public override ValidationResult Validate()
    {
        if (Config is null) return ValidationResult.Error("give --config FILE: the configuration with the desired state (docs/APPLY.md)");
        if (Format is not ("text" or "json")) return ValidationResult.Error($"--format must be text or json; found \"{Format}\"");
        return base.Validate();
    }
}
