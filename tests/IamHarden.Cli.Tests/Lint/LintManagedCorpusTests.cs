using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Xunit.Abstractions;

namespace IamHarden.Cli.Tests.Lint;

/// <summary>
/// The whole AWS managed-policy corpus through the CLI, as files on disk: no crash, no unusable
/// input, no error. (The benchmark figure in docs/LINT.md comes from the same command.)
/// </summary>
public class LintManagedCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_managed_policy_file_lints_without_errors_end_to_end()
    {
        var dir = Directory.CreateTempSubdirectory("iamharden-corpus-");
        try
        {
            var files = Extract(dir.FullName);
            var watch = Stopwatch.StartNew();
            var run = CliProcess.Run(["lint", "--aws-managed", "--format", "json", .. files], timeout: TimeSpan.FromMinutes(5));
            output.WriteLine($"{files.Count} files in {watch.ElapsedMilliseconds} ms (process, including start-up)");
            // Security warnings (iam:PassRole on *, service wildcards) are expected in AWS's own policies: exit 1, never 2.
            Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Stderr}");
            using var json = JsonDocument.Parse(run.Stdout);
            var summary = json.RootElement.GetProperty("summary");
            Assert.Equal(files.Count, summary.GetProperty("files").GetInt32());
            Assert.Equal(0, summary.GetProperty("errors").GetInt32());
            Assert.Equal(0, json.RootElement.GetProperty("unreadableFiles").GetArrayLength());
            Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "PASS_ROLE_WITH_STAR_IN_RESOURCE");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Writes each managed policy's document to NAME.json, pretty-printed, and returns the paths.</summary>
    private static List<string> Extract(string directory)
    {
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(CliProcess.Fixtures, "managed-policies", "managed-policies.jsonl.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var indented = new JsonSerializerOptions { WriteIndented = true };
        var files = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            using var entry = JsonDocument.Parse(line);
            var path = Path.Combine(directory, entry.RootElement.GetProperty("name").GetString() + ".json");
            File.WriteAllText(path, JsonSerializer.Serialize(entry.RootElement.GetProperty("document"), indented) + "\n");
            files.Add(path);
        }
        return files;
    }
}
