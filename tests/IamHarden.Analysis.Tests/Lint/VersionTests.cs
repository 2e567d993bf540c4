using IamHarden.Analysis.Lint;

namespace IamHarden.Analysis.Tests.Lint;

/// <summary>
/// Version: missing, legacy or invalid, and what the 2008-10-17 language does to policy variables
/// (IAM User Guide, "IAM JSON policy elements: Version": without 2012-10-17, variables such as
/// ${aws:username} are treated as literal strings).
/// </summary>
public class VersionTests
{
    private static string Policy(string? version) =>
        "{" + (version is null ? "" : $"\"Version\":\"{version}\",") +
        "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}]}";

    private static List<LintFinding> Lint(string? version) => [.. PolicyLinter.Lint(Policy(version), "policy.json").Findings];

    [Fact]
    public void Missing_version_says_the_variables_become_literal_text()
    {
        var finding = Assert.Single(Lint(null), f => f.Code == "MISSING_VERSION");
        Assert.Contains("its 1 policy variable (${...}) are literal text", finding.Message);
        Assert.Contains(Lint(null), f => f.Code == "VARIABLE_UNSUPPORTED_IN_VERSION");
    }

    [Fact]
    public void Legacy_version_is_a_warning_and_its_variables_an_error()
    {
        var findings = Lint("2008-10-17");
        Assert.Contains("(this policy has 1)", Assert.Single(findings, f => f.Code == "LEGACY_VERSION").Message);
        Assert.Contains(findings, f => f.Code == "VARIABLE_UNSUPPORTED_IN_VERSION");
        Assert.DoesNotContain(findings, f => f.Code == "MISSING_VERSION");
    }

    [Fact]
    public void An_invalid_version_is_not_also_reported_missing()
    {
        var findings = Lint("2012-10-18");
        string[] versionCodes = ["MISSING_VERSION", "LEGACY_VERSION", "INVALID_VERSION"];
        Assert.Equal(["INVALID_VERSION"], findings.Select(f => f.Code).Where(versionCodes.Contains).ToArray());
    }

    [Fact]
    public void The_current_version_has_nothing_to_say()
    {
        Assert.Empty(Lint("2012-10-17"));
    }
}
