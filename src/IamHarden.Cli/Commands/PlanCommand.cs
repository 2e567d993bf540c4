using IamHarden.Cli.Rendering;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>`plan`: what apply would change to bring the groups to the desired state, whom each change affects, and whether the lockout guard would let it.</summary>
public sealed class PlanCommand : AsyncCommand<PlanSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PlanSettings settings, CancellationToken cancellationToken)
    {
        var desired = GuardrailRun.ReadDesired(settings.Config!);
        using var session = await settings.ConnectAsync(cancellationToken);
        var prepared = await GuardrailRun.PrepareAsync(session, desired, settings, cancellationToken);
        OutputTarget.Write(settings.Output, settings.Format == "json" ? PlanJsonWriter.Write(prepared) : PlanTextRenderer.Render(prepared), settings.Force);
        return ExitCodes.Success;
    }
}
