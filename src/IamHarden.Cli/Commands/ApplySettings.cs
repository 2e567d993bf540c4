using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>Options of `apply`.</summary>
public sealed class ApplySettings : GuardrailSettings
{
    [CommandOption("-y|--yes")]
    [Description("Apply (or roll back) without asking for confirmation (automation).")]
    public bool Yes { get; init; }

    [CommandOption("--i-understand-lockout")]
    [Description("Apply even though the lockout guard found a way this apply could lock people (or you) out.")]
    public bool AcceptLockoutRisk { get; init; }

    [CommandOption("--journal <FILE>")]
    [Description("Where to write the journal (default: iamharden-apply-ACCOUNT-TIME.jsonl in the current directory). Never overwritten.")]
    public string? Journal { get; init; }

    [CommandOption("--rollback <JOURNAL>")]
    [Description("Undo the apply this journal records (finished, failed or interrupted), newest change first.")]
    public string? Rollback { get; init; }

    public override ValidationResult Validate()
    {
        if (Rollback is not null)
        {
            if (Config is not null) return ValidationResult.Error("give either --config (apply) or --rollback JOURNAL (undo an apply), not both");
            if (Journal is not null) return ValidationResult.Error("--rollback appends to the journal it is given; --journal does not apply");
        }
        else if (Config is null) return ValidationResult.Error("give --config FILE with the desired state (docs/APPLY.md), or --rollback JOURNAL");
        return base.Validate();
    }
}
