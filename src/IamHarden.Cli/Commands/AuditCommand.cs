using IamHarden.Analysis.Audit;
using IamHarden.Analysis.Audit.Access;
using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Snapshot;
using IamHarden.Cli.Input;
using IamHarden.Cli.Rendering;
using IamHarden.Cli.Rendering.Html;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>`audit`: every IAM user the guide does not yet protect, plus CIS and ISMS-P checks, from an offline snapshot.</summary>
public sealed class AuditCommand : Command<AuditSettings>
{
    public override int Execute(CommandContext context, AuditSettings settings, CancellationToken cancellationToken)
    {
        string snapshotDirectory;
        string? configPath = settings.Config;
        DateTimeOffset? asOf = settings.ParsedAsOf;
        if (settings.Sample)
        {
            var (directory, sampleConfig) = SampleAccount.Extract();
            snapshotDirectory = directory;
            configPath ??= sampleConfig;
            asOf ??= SampleAccount.AsOf;
        }
        else snapshotDirectory = settings.Snapshot!;

        IamHardenConfig config;
        AccountSnapshot snapshot;
        try
        {
            config = configPath is null ? new IamHardenConfig() : ConfigReader.Read(configPath);
            snapshot = SnapshotReader.Read(snapshotDirectory, BundledAwsManagedPolicies.Find);
        }
        catch (ConfigException ex) { throw new UserInputException(ex.Message); }
        catch (SnapshotException ex) { throw new UserInputException(ex.Message); }

        foreach (var warning in snapshot.Warnings) Console.Error.WriteLine(warning);

        // Deny-list SCPs given alone would deny every request and make every user look protected: warned.
        var scps = PolicyFiles.LoadServiceControlPolicies(settings.Scps, Console.Error);

        // Resolved once: the analyzer's choice counts the users' policy combinations, and the audit uses them.
        var policies = new PrincipalPolicies(snapshot, scps);
        var (analyzer, method) = AccessAnalyzers.Create(settings.Analyzer, asOf ?? DateTimeOffset.UtcNow, snapshot, policies);
        AuditReport report;
        try
        {
            report = AuditRunner.Run(snapshot, new AuditRunner.Options
            {
                Config = config,
                AsOf = asOf,
                Policies = policies,
                OnlyChecks = AuditSettings.SplitIds(settings.Checks),
                SkipChecks = AuditSettings.SplitIds(settings.SkipChecks),
                Access = analyzer,
                AnalysisMethod = method,
            });
        }
        catch (ConfigException ex) { throw new UserInputException(ex.Message); }
        report = report with { SnapshotArguments = settings.Sample ? "--sample" : "--snapshot " + SimulateCommandLine.Quote(snapshotDirectory) };

        switch (settings.Format)
        {
            case "json": OutputTarget.Stream(settings.Output, settings.Force, stream => AuditJsonWriter.Write(stream, report, settings.Lang)); break;
            case "csv": OutputTarget.Write(settings.Output, AuditCsvWriter.Write(report, settings.Lang), settings.Force); break;
            case "sarif": OutputTarget.Write(settings.Output, AuditSarifWriter.Write(report, snapshotDirectory, settings.Lang), settings.Force); break;
            case "html": OutputTarget.Write(settings.Output, AuditHtmlWriter.Write(report, settings.Lang, RemediationPolicies.From(config)), settings.Force); break;
            default:
                OutputTarget.WriteRendered(settings.Output, settings.Force, console => AuditTableRenderer.Render(console, report, settings.Lang));
                break;
        }
        return settings.ParsedFailOn is { } threshold && report.Findings.Any(f => f.Severity.IsAtLeast(threshold))
            ? ExitCodes.Findings : ExitCodes.Success;
    }
}
