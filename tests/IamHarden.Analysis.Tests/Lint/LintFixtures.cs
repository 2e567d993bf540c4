using System.IO.Compression;
using System.Text.Json;
using IamHarden.Analysis.Lint;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Tests.Lint;

/// <summary>The lint fixtures (tests/fixtures, copied next to the test assembly) and the repository's own files.</summary>
internal static class LintFixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static string Case(string code, string which) => Path.Combine(Root, "lint", "cases", $"{code}.{which}.json");

    /// <summary>The options a case runs with: identity policy, customer origin, default quota, unless its .options.json says otherwise.</summary>
    public static LintOptions OptionsFor(string code)
    {
        var path = Path.Combine(Root, "lint", "cases", $"{code}.options.json");
        if (!File.Exists(path)) return new LintOptions();
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var options = new LintOptions();
        if (root.TryGetProperty("kind", out var kind) && PolicyKindExtensions.TryParseCliName(kind.GetString()!, out var k)) options = options with { Kind = k };
        if (root.TryGetProperty("quota", out var quota) && SizeQuotaExtensions.TryParseCliName(quota.GetString()!, out var q)) options = options with { Quota = q };
        if (root.TryGetProperty("origin", out var origin) && origin.GetString() == "aws-managed") options = options with { Origin = PolicyOrigin.AwsManaged };
        return options;
    }

    public static LintResult LintCase(string code, string which) =>
        PolicyLinter.Lint(File.ReadAllBytes(Case(code, which)), $"{code}.{which}.json", OptionsFor(code));

    /// <summary>Every AWS managed policy (name and document text), from the compressed corpus.</summary>
    public static IReadOnlyList<(string Name, string Document)> ManagedPolicies => LazyManaged.Value;

    private static readonly Lazy<IReadOnlyList<(string, string)>> LazyManaged = new(() =>
    {
        using var file = File.OpenRead(Path.Combine(Root, "managed-policies", "managed-policies.jsonl.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var list = new List<(string, string)>();
        var indented = new JsonSerializerOptions { WriteIndented = true };
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            using var entry = JsonDocument.Parse(line);
            list.Add((entry.RootElement.GetProperty("name").GetString()!, JsonSerializer.Serialize(entry.RootElement.GetProperty("document"), indented)));
        }
        return list;
    });

    /// <summary>A file of the repository itself (docs/LINT.md): found by walking up to the solution file.</summary>
    public static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IamHarden.slnx"))) return Path.Combine(dir.FullName, relative);
        }
        throw new InvalidOperationException("IamHarden.slnx not found above " + AppContext.BaseDirectory);
    }
}
