using System.Text.Json;
using IamHarden.Analysis.Audit;
using IamHarden.Analysis.Audit.Access;
using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Snapshot;
using IamHarden.Cli.Input;

namespace IamHarden.Cli.Tests.Html;

/// <summary>The bundled sample account: its audit as a report object (for unit tests) and as the CLI's JSON (for comparisons).</summary>
public static class SampleAudit
{
    private static readonly Lazy<(AuditReport Report, IamHardenConfig Config)> Audit = new(() =>
    {
        var (directory, configPath) = SampleAccount.Extract();
        var config = ConfigReader.Read(configPath);
        var snapshot = SnapshotReader.Read(directory, BundledAwsManagedPolicies.Find);
        var report = AuditRunner.Run(snapshot, new AuditRunner.Options
        {
            Config = config,
            AsOf = SampleAccount.AsOf,
            Access = new SearchAccessAnalyzer(SampleAccount.AsOf),
        });
        return (report with { SnapshotArguments = "--sample" }, config);
    });

    public static AuditReport Report => Audit.Value.Report;
    public static IamHardenConfig Config => Audit.Value.Config;

    /// <summary>`audit --sample --format json`, parsed.</summary>
    public static JsonElement Json => JsonDocument.Parse(File.ReadAllText(AuditReports.SampleJson)).RootElement;
}
