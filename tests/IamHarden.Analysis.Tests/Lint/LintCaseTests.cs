using IamHarden.Analysis.Lint;

namespace IamHarden.Analysis.Tests.Lint;

/// <summary>
/// Every code has a policy that triggers it (tests/fixtures/lint/cases/CODE.bad.json) and a
/// close variant with the problem fixed that does not (CODE.good.json).
/// </summary>
public class LintCaseTests
{
    public static TheoryData<string> Codes => [.. LintRules.All.Select(r => r.Info.Code)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Bad_case_triggers_the_code(string code)
    {
        var result = LintFixtures.LintCase(code, "bad");
        var finding = Assert.Single(result.Findings.Where(f => f.Code == code).Take(1));
        var rule = LintRules.Find(code)!.Info;
        Assert.Equal(rule.Severity, finding.Severity);
        Assert.True(finding.Line >= 1 && finding.Column >= 1, $"{code} has no position");
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Good_case_does_not_trigger_the_code(string code)
    {
        var result = LintFixtures.LintCase(code, "good");
        Assert.DoesNotContain(result.Findings, f => f.Code == code);
        // The fixed variant is a usable policy AWS would accept.
        Assert.False(result.IsUnusable, $"{code}.good.json is unusable");
        Assert.DoesNotContain(result.Findings, f => f.Severity == Core.Policy.DiagnosticSeverity.Error);
    }

    [Fact]
    public void Every_case_file_belongs_to_a_registered_code()
    {
        var codes = LintRules.All.Select(r => r.Info.Code).ToHashSet();
        foreach (var file in Directory.GetFiles(Path.Combine(LintFixtures.Root, "lint", "cases")))
        {
            var code = Path.GetFileName(file).Split('.')[0];
            Assert.True(codes.Contains(code), $"{Path.GetFileName(file)} names no registered code");
        }
    }

    [Fact]
    public void Codes_are_unique_and_documented()
    {
        var infos = LintRules.All.Select(r => r.Info).ToList();
        Assert.Equal(infos.Count, infos.Select(i => i.Code).Distinct().Count());
        foreach (var info in infos)
        {
            Assert.Matches("^[A-Z][A-Z0-9_]+$", info.Code);
            Assert.False(string.IsNullOrWhiteSpace(info.Title), info.Code);
            Assert.False(info.Title.EndsWith('.'), $"{info.Code}: titles have no full stop");
            Assert.True(info.Description.Length > 60, $"{info.Code}: the description explains too little");
            Assert.False(string.IsNullOrWhiteSpace(info.Fix), info.Code);
        }
    }
}
