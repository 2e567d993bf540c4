using IamHarden.Analysis.Lint;
using IamHarden.Cli.Input;
using IamHarden.Cli.Rendering;
using IamHarden.Core.Policy;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>
/// `lint`: checks policy files and reports every finding in text, JSON or SARIF. Exit code 1 when
/// an error or security warning is found, 2 when an input is unusable (missing, unreadable, not JSON,
/// not a policy), 0 otherwise. Every file is linted even when another one is unusable.
/// </summary>
public sealed class LintCommand : Command<LintSettings>
{
    public override int Execute(CommandContext context, LintSettings settings, CancellationToken cancellationToken)
    {
        if (settings.ListRules)
        {
            OutputTarget.Write(settings.Output, LintTextRenderer.RenderRules(LintRules.All), settings.Force);
            return ExitCodes.Success;
        }
        var options = new LintOptions
        {
            Kind = settings.ParsedKind,
            Origin = settings.AwsManaged ? PolicyOrigin.AwsManaged : PolicyOrigin.Customer,
            Quota = settings.ParsedQuota,
            IgnoredCodes = settings.Ignore.ToHashSet(StringComparer.Ordinal),
        };
        var run = LintRun.Execute(settings.Files, options, cancellationToken);
        var report = settings.Format switch
        {
            "json" => LintJsonRenderer.Render(run),
            "sarif" => LintSarifRenderer.Render(run),
            _ => LintTextRenderer.Render(run),
        };
        OutputTarget.Write(settings.Output, report, settings.Force);
        // Read errors are not findings: they go to standard error whatever the format.
        foreach (var failure in run.InputFailures) Console.Error.WriteLine("error: " + failure.Message);
        if (run.HasUnusableInput) return ExitCodes.BadInput;
        return run.Results.Any(r => r.HasFailures) ? ExitCodes.Findings : ExitCodes.Success;
    }
}
