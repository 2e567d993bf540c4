using System.Text.Json;
using IamHarden.Core.Catalog;

namespace IamHarden.Core.Tests.Catalog;

/// <summary>The managed-policy corpus fixture is complete, and the catalog knows what AWS's own policies use.</summary>
public class ManagedPolicyFixtureTests
{
    [Fact]
    public void Fixture_holds_about_1600_policies_each_with_a_document()
    {
        Assert.InRange(ManagedPolicyCorpus.All.Count, 1_500, 1_800);
        var names = new HashSet<string>();
        foreach (var policy in ManagedPolicyCorpus.All)
        {
            string name = policy.Name;
            Assert.True(names.Add(name), $"{name} appears twice");
            Assert.StartsWith("arn:aws:iam::aws:policy/", policy.Arn);
            Assert.StartsWith("v", policy.VersionId);
            var document = policy.Document;
            Assert.Equal(JsonValueKind.Object, document.ValueKind);
            Assert.True(document.TryGetProperty("Statement", out _), $"{name} has no Statement");
        }
        Assert.Contains("AdministratorAccess", names);
    }

    [Fact]
    public void Almost_every_action_in_AWS_managed_policies_is_in_the_catalog()
    {
        var catalog = ActionCatalog.Default;
        var patterns = ManagedPolicyCorpus.All
            .SelectMany(p => Statements(p.Document))
            .SelectMany(s => Strings(s, "Action").Concat(Strings(s, "NotAction")))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var unknown = patterns.Where(p => catalog.Expand(p).IsEmpty).ToList();

        // AWS's own policies name some retired or not-yet-documented actions, so a few are unknown.
        Assert.True(patterns.Count > 10_000, $"only {patterns.Count} distinct action patterns");
        Assert.True(unknown.Count < patterns.Count / 50,
            $"{unknown.Count} of {patterns.Count} patterns match no action, e.g. {string.Join(", ", unknown.Take(20))}");
    }

    private static IEnumerable<JsonElement> Statements(JsonElement document)
    {
        var statement = document.GetProperty("Statement");
        return statement.ValueKind == JsonValueKind.Array ? statement.EnumerateArray() : [statement];
    }

    private static IEnumerable<string> Strings(JsonElement statement, string property)
    {
        if (!statement.TryGetProperty(property, out var value)) return [];
        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetString()!)
            : [value.GetString()!];
    }
}
