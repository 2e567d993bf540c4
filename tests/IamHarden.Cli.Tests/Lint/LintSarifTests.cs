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
    public void Fingerprints_follow_the_finding_not_its_line_so_code_scanning_keeps_one_alert()
    {
        // GitHub matches alerts across runs by partialFingerprints (docs: "SARIF support for code
        // scanning", preventing duplicate alerts); lines move when a policy is edited above a finding.
        var dir = Directory.CreateTempSubdirectory("iamharden-sarif-");
        try
        {
            var text = File.ReadAllText(Path.Combine(CliProcess.Fixtures, "lint", "cases", "MFA_DENY_BOOL_WITHOUT_IF_EXISTS.bad.json"));
            File.WriteAllText(Path.Combine(dir.FullName, "force-mfa.json"), text);
            var before = Results(CliProcess.Run(["lint", "--format", "sarif", "force-mfa.json"], workingDirectory: dir.FullName).Stdout);
            File.WriteAllText(Path.Combine(dir.FullName, "force-mfa.json"), "\n\n\n" + text);
            var after = Results(CliProcess.Run(["lint", "--format", "sarif", "force-mfa.json"], workingDirectory: dir.FullName).Stdout);

            Assert.Equal(before.Select(r => r.Fingerprint), after.Select(r => r.Fingerprint));
            Assert.All(before.Zip(after), pair => Assert.Equal(pair.First.Line + 3, pair.Second.Line));
            Assert.Equal(before.Count, before.Select(r => r.Fingerprint).Distinct().Count());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static List<(string Fingerprint, int Line)> Results(string sarif)
    {
        using var json = JsonDocument.Parse(sarif);
        return [.. json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => (
            r.GetProperty("partialFingerprints").EnumerateObject().Single().Value.GetString()!,
            r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()))];
    }

    [Fact]
    public void Every_rule_and_result_has_what_code_scanning_shows()
    {
        var run = CliProcess.Run("lint", "--format", "sarif", Path.Combine(CliProcess.Fixtures, "lint", "cases", "PRIVILEGE_ESCALATION.bad.json"));
        using var json = JsonDocument.Parse(run.Stdout);
        var sarifRun = json.RootElement.GetProperty("runs")[0];
        foreach (var rule in sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray())
        {
            Assert.Matches("^[A-Z][A-Z0-9_]+$", rule.GetProperty("id").GetString());
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("markdown").GetString()));
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            var tags = rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
            // GitHub shows a security severity only for rules tagged "security", as a number from 0.0 to 10.0.
            if (tags.Contains("security"))
                Assert.InRange(double.Parse(rule.GetProperty("properties").GetProperty("security-severity").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 0.1, 10.0);
        }
        var result = sarifRun.GetProperty("results")[0];
        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
        Assert.True(result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
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
