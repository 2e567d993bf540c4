using IamHarden.Analysis.Lint;

namespace IamHarden.Analysis.Tests.Lint;

/// <summary>docs/LINT.md documents every code as the rules define it (regenerate with IAMHARDEN_UPDATE_DOCS=1).</summary>
public class LintDocsTests
{
    [Fact]
    public void Code_reference_in_docs_matches_the_rules()
    {
        var expected = LintDocs.CodeReference();
        if (LintDocs.Updating) LintDocs.Replace("codes", expected);
        var actual = LintDocs.Section(File.ReadAllText(LintDocs.Path), "codes");
        Assert.True(expected == actual, "docs/LINT.md is out of date; run the Analysis tests with IAMHARDEN_UPDATE_DOCS=1");
    }

    [Fact]
    public void Every_code_has_a_section()
    {
        var text = File.ReadAllText(LintDocs.Path);
        foreach (var rule in LintRules.All)
            Assert.Contains($"#### {rule.Info.Code}\n", text);
    }
}
