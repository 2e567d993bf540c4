using System.Text.RegularExpressions;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Tests.Evaluation;

/// <summary>
/// The conformance table of the evaluation spec (§10.3, tests/fixtures/conformance/spec-cases.json)
/// and the cases it states in prose (extra-cases.json): one test per case, named by its id.
/// A case expecting "error" passes when the parser rejects one of its policies with the case's
/// errorCode, or (errorCode REQUEST_ERROR) the evaluator returns <see cref="Decision.Error"/>; every
/// other case must parse and evaluate to its decision.
/// <see cref="PolicyEvaluator.Decide"/> must agree with <see cref="PolicyEvaluator.Evaluate"/> on every case.
/// </summary>
public sealed class SpecConformanceTests
{
    public static TheoryData<ConformanceRow> Cases()
    {
        var data = new TheoryData<ConformanceRow>();
        foreach (var row in ConformanceFixtures.AllRows()) data.Add(row);
        return data;
    }

    [Theory(DisplayName = "Conformance")]
    [MemberData(nameof(Cases))]
    public void Case(ConformanceRow row)
    {
        var c = ConformanceFixtures.Get(row);
        var built = ConformanceFixtures.Build(c);

        if (built.HasParseErrors)
        {
            if (c.Expected == "error" && built.ParseErrorCodes.Contains(c.ErrorCode)) return;
            Fail(c, "error (the parser rejected a policy: " + string.Join(" | ", built.ParseErrors) + ")");
        }
        if (c.Expected == "error" && c.ErrorCode != ConformanceCase.RequestError)
            Fail(c, $"no parse error (expected {c.ErrorCode})");

        var result = PolicyEvaluator.Evaluate(built.Policies, built.Request);
        var fast = PolicyEvaluator.Decide(built.Policies, built.Request);
        var actual = result.Decision.AwsName();
        if (actual != c.Expected)
            Fail(c, actual + (result.Decision == Decision.Error ? $" ({result.Error})" : $" ({result.Explain()})"));
        if (fast != result.Decision)
            Assert.Fail($"{c.Id}: Decide returned {fast.AwsName()} but Evaluate returned {actual}");
    }

    [Fact]
    public void Fixtures_are_well_formed()
    {
        var all = ConformanceFixtures.AllRows().Select(ConformanceFixtures.Get).ToList();
        Assert.NotEmpty(all);
        var duplicates = all.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "duplicate case ids: " + string.Join(", ", duplicates));
        foreach (var c in all)
        {
            Assert.Contains(c.Expected, ConformanceFixtures.Outcomes);
            Assert.True((c.Expected == "error") == (c.ErrorCode is not null), c.Id + ": an error case names its errorCode, and only error cases do");
            Assert.StartsWith("spec §", c.Source);
            Assert.False(string.IsNullOrWhiteSpace(c.Why), c.Id + " has no why");
            Assert.True(PrincipalIdentity.TryParse(c.Principal, out _), c.Id + ": bad principal " + c.Principal);
            foreach (var member in c.Policies.Select(p => p.Key))
                Assert.Contains(member, new[] { "identity", "boundary", "scp", "rcp", "session", "resource" });
        }
    }

    [Fact]
    public void Spec_cases_cover_every_family_of_the_table()
    {
        var families = ConformanceFixtures.Cases(ConformanceFixtures.SpecCasesFile)
            .Select(c => Regex.Match(c.Id, "^[A-Z]+").Value).ToHashSet();
        string[] expected = ["D", "G", "A", "R", "CS", "CN", "CD", "CB", "CBIN", "CIP", "CA", "CNULL", "CI", "CSET", "CMV", "V", "M", "I"];
        Assert.Empty(expected.Except(families));
        Assert.All(ConformanceFixtures.Cases(ConformanceFixtures.SpecCasesFile), c => Assert.StartsWith("spec §10.3 " + c.Id, c.Source));
    }

    [Theory(DisplayName = "Seed parses")]
    [InlineData("ALLOW-S3")]
    [InlineData("ADMIN")]
    [InlineData("MFA-SEED")]
    [InlineData("DENY-IF-NO-MFA-BOOL")]
    [InlineData("IP-SEED")]
    [InlineData("IP-NAIVE")]
    [InlineData("IAMUserChangePassword")]
    public void Seed_parses_without_errors(string name)
    {
        var result = PolicyParser.Parse(ConformanceFixtures.Seeds[name], name, PolicyKind.Identity);
        Assert.False(result.HasErrors, string.Join(" | ", result.Diagnostics.Select(d => d.Message)));
    }

    private static void Fail(ConformanceCase c, string actual) =>
        Assert.Fail($"{c.Id}: expected {c.Expected}, actual {actual}\n  why: {c.Why}\n  source: {c.Source}");
}
