using System.IO.Compression;
using System.Text;
using System.Text.Json;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Simulation;

namespace IamHarden.Core.Tests.Evaluation;

/// <summary>
/// Differential test against an independent simulator (@cloud-copilot/iam-simulate, recorded by
/// tools/differential/record.sh): 10,000 random adversarial cases. Every decision must equal the
/// oracle's, or be a documented, spec-backed difference (known-differences.json).
/// </summary>
public class DifferentialTests
{
    private sealed record KnownDifference(string Id, string Oracle, string Expected, string Tag, string Reason);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_case_agrees_with_the_oracle_or_is_a_documented_difference(int seed)
    {
        var known = JsonSerializer.Deserialize<List<KnownDifference>>(
            File.ReadAllText(Fixtures.File("differential", "known-differences.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!.ToDictionary(k => k.Id);
        var oracle = File.ReadLines(Fixtures.File("differential", $"oracle-seed{seed}.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("decision").GetString()!);

        var parser = new BatchLineParser(PrincipalIdentity.DefaultUser);
        var failures = new List<string>();
        int compared = 0;
        using var gz = new GZipStream(File.OpenRead(Fixtures.File("differential", $"cases-seed{seed}.jsonl.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var batch = parser.Parse(Encoding.UTF8.GetBytes(line), lineNumber);
            var id = JsonSerializer.Deserialize<string>(batch.IdJson)!;
            var decision = PolicyEvaluator.Decide(PolicySet.OfIdentity([.. batch.Policies!]), batch.Request).AwsName();
            compared++;
            var expected = known.TryGetValue(id, out var difference) ? difference.Expected : oracle[id];
            if (difference is not null) Assert.Equal(difference.Oracle, oracle[id]);
            if (difference is not null && decision == oracle[id])
                failures.Add($"{id}: listed as a known difference but now agrees with the oracle; remove it from known-differences.json");
            if (decision != expected)
                failures.Add($"{id}: ours {decision}, expected {expected}" + (difference is null ? " (oracle)" : $" ({difference.Tag})"));
        }
        Assert.Equal(oracle.Count, compared);
        Assert.True(failures.Count == 0, $"{failures.Count} of {compared} cases disagree:\n" + string.Join("\n", failures.Take(50)));
    }
}
