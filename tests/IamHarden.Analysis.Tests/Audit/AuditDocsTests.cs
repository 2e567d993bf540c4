using IamHarden.Analysis.Audit;

namespace IamHarden.Analysis.Tests.Audit;

/// <summary>docs/CHECKS.md documents every check as its metadata defines it (regenerate with IAMHARDEN_UPDATE_DOCS=1).</summary>
public class AuditDocsTests
{
    [Fact]
    public void Check_reference_in_docs_matches_the_metadata() =>
        Assert.True(GeneratedDocs.IsCurrent(AuditDocs.Path, "checks", AuditDocs.CheckReference()),
            "docs/CHECKS.md is out of date; run the Analysis tests with IAMHARDEN_UPDATE_DOCS=1");

    [Fact]
    public void Every_check_has_a_section()
    {
        var text = File.ReadAllText(AuditDocs.Path);
        foreach (var check in AuditChecks.All)
            Assert.Contains($"\n### {check.Metadata.Id}\n", text);
    }
}
