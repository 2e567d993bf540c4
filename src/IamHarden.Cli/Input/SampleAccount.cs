namespace IamHarden.Cli.Input;

/// <summary>
/// The sample account bundled in the program (samples/account and samples/iamharden.yaml):
/// `audit --sample` extracts it to a temporary directory and audits it as of a fixed date, so
/// its output is the same on every machine.
/// </summary>
public static class SampleAccount
{
    /// <summary>The moment the sample snapshot describes; the default --as-of for --sample.</summary>
    public static DateTimeOffset AsOf { get; } = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Extracts the sample into a new temporary directory and returns (snapshot directory, config path).</summary>
    public static (string SnapshotDirectory, string ConfigPath) Extract()
    {
        var root = Path.Combine(Path.GetTempPath(), "iamharden-sample-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);
        var account = Path.Combine(root, "account");
        Directory.CreateDirectory(account);
        var assembly = typeof(SampleAccount).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("IamHarden.Sample.", StringComparison.Ordinal)))
        {
            var relative = name["IamHarden.Sample.".Length..];
            var target = relative.StartsWith("account.", StringComparison.Ordinal)
                ? Path.Combine(account, relative["account.".Length..])
                : relative.StartsWith("cloudtrail.", StringComparison.Ordinal)
                    ? Path.Combine(Directory.CreateDirectory(Path.Combine(root, "cloudtrail")).FullName, relative["cloudtrail.".Length..])
                    : Path.Combine(root, relative);
            using var source = assembly.GetManifestResourceStream(name)!;
            using var file = File.Create(target);
            source.CopyTo(file);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        return (account, Path.Combine(root, "iamharden.yaml"));
    }

    /// <summary>The sample's month of CloudTrail history, extracted beside the snapshot directory <see cref="Extract"/> returned.</summary>
    public static string TrailDirectoryOf(string snapshotDirectory) => Path.Combine(Path.GetDirectoryName(snapshotDirectory)!, "cloudtrail");

    private static void TryDelete(string directory)
    {
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
