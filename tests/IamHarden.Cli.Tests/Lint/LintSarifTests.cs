using System.Text.Json;

namespace IamHarden.Cli.Tests.Lint;

/// <summary>`lint --format sarif` writes SARIF 2.1.0 that validates against the official schema and carries what code scanning needs.</summary>
public class LintSarifTests
{
    private static void AssertValid(string sarif) => SarifSchema.AssertValid(sarif);

    [Fact]
    public void Findings_validate_against_the_schema_with_regions_rules_and_paths()
    {
        var cases = Path.Combine(CliProcess.Fixtures, "lint", "cases");
        // Relative paths, as code scanning wants them: run from the fixtures directory.
        var run = CliProcess.Run(["lint", "--format", "sarif", "MFA_DENY_BOOL_WITHOUT_IF_EXISTS.bad.json", "INVALID_ACTION.bad.json", "SOURCE_IP_IPV4_ONLY.bad.json"], workingDirectory: cases);
        Assert.Equal(1, run.ExitCode);
        AssertValid(run.Stdout);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var sarifRun = json.RootElement.GetProperty("runs")[0];
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "PRIVATE_NOT_IP_ADDRESS");
        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        var mfa = results.Single(r => r.GetProperty("ruleId").GetString() == "MFA_DENY_BOOL_WITHOUT_IF_EXISTS");
        Assert.Equal("error", mfa.GetProperty("level").GetString());
        var rule = rules[mfa.GetProperty("ruleIndex").GetInt32()];
        Assert.Equal("MFA_DENY_BOOL_WITHOUT_IF_EXISTS", rule.GetProperty("id").GetString());
        Assert.Equal("7.5", rule.GetProperty("properties").GetProperty("security-severity").GetString());
        var location = mfa.GetProperty("locations")[0];
        var physical = location.GetProperty("physicalLocation");
        Assert.Equal("MFA_DENY_BOOL_WITHOUT_IF_EXISTS.bad.json", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(21, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(9, physical.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal("Statement[0].Condition.Bool.aws:MultiFactorAuthPresent", location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
        var note = results.Single(r => r.GetProperty("ruleId").GetString() == "SOURCE_IP_IPV4_ONLY");
        Assert.Equal("note", note.GetProperty("level").GetString());
        Assert.True(sarifRun.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public void Unusable_and_missing_inputs_still_give_valid_SARIF()
    {
        var run = CliProcess.Run(["lint", "--format", "sarif", "-", "missing.json", Path.Combine(CliProcess.Fixtures, "lint", "cases", "INVALID_ACTION.good.json")], stdin: "[1, 2]");
        Assert.Equal(2, run.ExitCode);
        AssertValid(run.Stdout);
        using var json = JsonDocument.Parse(run.Stdout);
        var sarifRun = json.RootElement.GetProperty("runs")[0];
        var invocation = sarifRun.GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.True(invocation.GetProperty("toolExecutionNotifications").GetArrayLength() >= 2);
        Assert.Contains(sarifRun.GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "NOT_A_POLICY");
        // An absolute path is a file: URI.
        Assert.DoesNotContain(sarifRun.GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "INVALID_ACTION");
    }

    [Fact]
    public void Every_bad_case_validates()
    {
        var cases = Directory.GetFiles(Path.Combine(CliProcess.Fixtures, "lint", "cases"), "*.bad.json").Order().ToList();
        var run = CliProcess.Run(["lint", "--format", "sarif", .. cases]);
        AssertValid(run.Stdout);
        using var json = JsonDocument.Parse(run.Stdout);
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.True(results.Count >= cases.Count - 1, $"{results.Count} results for {cases.Count} bad cases");
        Assert.All(results, r => Assert.StartsWith("file:///", r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
    }
}
