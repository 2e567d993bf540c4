using System.IO.Compression;
using System.Text.Json;

namespace IamHarden.Benchmarks;

/// <summary>The AWS managed policy corpus fixture, as the benchmarks use it: name and document text.</summary>
public static class ManagedPolicyCorpus
{
    /// <summary>Every policy's default version, pretty-printed as it would be on disk (UTF-8).</summary>
    public static IReadOnlyList<(string Name, byte[] Document)> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", "managed-policies", "managed-policies.jsonl.gz");
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var indented = new JsonSerializerOptions { WriteIndented = true };
        var result = new List<(string, byte[])>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            using var entry = JsonDocument.Parse(line);
            result.Add((entry.RootElement.GetProperty("name").GetString()!,
                JsonSerializer.SerializeToUtf8Bytes(entry.RootElement.GetProperty("document"), indented)));
        }
        return result;
    }
}
