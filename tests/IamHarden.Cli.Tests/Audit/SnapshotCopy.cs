using IamHarden.Cli.Input;

namespace IamHarden.Cli.Tests.Audit;

/// <summary>A private copy of the bundled sample account (snapshot and config) that a test may damage.</summary>
public sealed class SnapshotCopy : IDisposable
{
    public SnapshotCopy()
    {
        var (snapshot, config) = SampleAccount.Extract();
        Root = Path.Combine(Path.GetTempPath(), "iamharden-audit-cli-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(SnapshotDirectory);
        foreach (var file in Directory.GetFiles(snapshot)) File.Copy(file, Path.Combine(SnapshotDirectory, Path.GetFileName(file)));
        File.Copy(config, ConfigPath);
    }

    public string Root { get; }
    public string SnapshotDirectory => Path.Combine(Root, "snapshot");
    public string ConfigPath => Path.Combine(Root, "iamharden.yaml");

    public string PathOf(string snapshotFile) => Path.Combine(SnapshotDirectory, snapshotFile);

    /// <summary>`audit --snapshot COPY --config COPY --as-of (the sample's date)` plus <paramref name="extra"/>.</summary>
    public CliOutput Audit(params string[] extra) =>
        CliProcess.Run(["audit", "--snapshot", SnapshotDirectory, "--config", ConfigPath, "--as-of", "2026-11-30T12:00:00Z", .. extra]);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
