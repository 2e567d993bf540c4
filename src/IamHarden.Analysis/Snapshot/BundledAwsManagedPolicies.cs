using System.IO.Compression;
using System.Text.Json;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Snapshot;

/// <summary>
/// IamHarden's copy of every AWS managed policy's default version (see NOTICE), used when a
/// snapshot references an AWS managed policy without listing it (e.g. collected with a filter).
/// Loaded on first use; documents are parsed only when asked for.
/// </summary>
public static class BundledAwsManagedPolicies
{
    private static readonly Lazy<Dictionary<string, (string Name, string VersionId, string Json)>> Entries = new(Load);

    /// <summary>The number of policies in the bundle.</summary>
    public static int Count => Entries.Value.Count;

    public static ManagedPolicy? Find(string arn)
    {
        if (!Entries.Value.TryGetValue(arn, out var entry)) return null;
        var parsed = PolicyParser.Parse(entry.Json, entry.Name);
        if (parsed.HasErrors) return null;
        return new ManagedPolicy(arn, entry.Name, "/", entry.VersionId, parsed.Document!, 0, 1) { FromBundledCorpus = true };
    }

    private static Dictionary<string, (string, string, string)> Load()
    {
        var result = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        using var stream = typeof(BundledAwsManagedPolicies).Assembly.GetManifestResourceStream("IamHarden.Analysis.AwsManagedPolicies.jsonl.gz")
            ?? throw new InvalidOperationException("the bundled AWS managed policies are missing from the assembly");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            result[root.GetProperty("arn").GetString()!] = (root.GetProperty("name").GetString()!, root.GetProperty("versionId").GetString()!, root.GetProperty("document").GetRawText());
        }
        return result;
    }
}
