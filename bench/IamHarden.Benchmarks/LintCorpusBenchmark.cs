using System.IO.Compression;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using IamHarden.Analysis.Lint;

namespace IamHarden.Benchmarks;

/// <summary>
/// Lint of every AWS managed policy (1,594 documents, pretty-printed as they would be on disk),
/// in process and warm, on one thread: the part of `iamharden lint --aws-managed corpus/*.json`
/// that is not process start-up, catalog loading and file reading. docs/LINT.md has the
/// end-to-end figure.
/// </summary>
[MemoryDiagnoser]
public class LintCorpusBenchmark
{
    private byte[][] _documents = null!;
    private string[] _names = null!;
    private readonly LintOptions _options = new() { Origin = PolicyOrigin.AwsManaged };

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", "managed-policies", "managed-policies.jsonl.gz");
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var documents = new List<byte[]>();
        var names = new List<string>();
        var indented = new JsonSerializerOptions { WriteIndented = true };
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            using var entry = JsonDocument.Parse(line);
            names.Add(entry.RootElement.GetProperty("name").GetString()!);
            documents.Add(JsonSerializer.SerializeToUtf8Bytes(entry.RootElement.GetProperty("document"), indented));
        }
        _documents = [.. documents];
        _names = [.. names];
    }

    [Benchmark]
    public int LintCorpus()
    {
        int findings = 0;
        for (int i = 0; i < _documents.Length; i++) findings += PolicyLinter.Lint(_documents[i], _names[i], _options).Findings.Length;
        return findings;
    }
}
