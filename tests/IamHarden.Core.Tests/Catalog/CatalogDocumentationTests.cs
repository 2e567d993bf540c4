using IamHarden.Core.Catalog;

namespace IamHarden.Core.Tests.Catalog;

/// <summary>docs/CATALOG.md states the catalog's data version, date and counts: they must be the embedded catalog's.</summary>
public class CatalogDocumentationTests
{
    private static readonly string Doc = File.ReadAllText(RepositoryFiles.PathOf("docs/CATALOG.md"));
    private static ActionCatalog Catalog => ActionCatalog.Default;

    private static void Stated(string text) => Assert.True(Doc.Contains(text, StringComparison.Ordinal), $"docs/CATALOG.md does not state \"{text}\"");

    [Fact]
    public void Source_version_and_date_are_the_embedded_ones()
    {
        Stated($"`{Catalog.DataSource}` **{Catalog.DataVersion}**");
        Stated($"data of **{Catalog.DataDate:yyyy-MM-dd}**");
    }

    [Fact]
    public void Counts_are_the_embedded_catalogs()
    {
        Stated($"| services | {Catalog.Services.Length:N0} ({Catalog.Services.Count(s => s.IsRcpSupported)} of them support resource control policies) |");
        var actions = Catalog.AllActions;
        string Level(AccessLevel level) => actions.Count(a => a.AccessLevel == level).ToString("N0");
        Stated($"| actions | {actions.Length:N0} (List {Level(AccessLevel.List)} · Read {Level(AccessLevel.Read)} · Write {Level(AccessLevel.Write)} · "
            + $"Permissions management {Level(AccessLevel.PermissionsManagement)} · Tagging {Level(AccessLevel.Tagging)}; {actions.Count(a => a.IsWildcardOnly):N0} wildcard-only) |");
        Stated($"| resource types | {Catalog.Services.Sum(s => s.ResourceTypes.Length):N0}, with {actions.Sum(a => a.ResourceTypes.Length):N0} action-to-resource-type links |");
        // Services share definitions (aws:RequestTag/${TagKey} is listed by hundreds): count each once.
        var keys = Catalog.Services.SelectMany(s => s.ConditionKeys).Concat(Catalog.GlobalConditionKeys).Distinct(ReferenceEqualityComparer.Instance).Count();
        Stated($"| condition keys | {keys:N0} definitions, {Catalog.GlobalConditionKeys.Length} of them global");
    }
}
