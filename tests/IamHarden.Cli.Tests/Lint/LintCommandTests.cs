using System.Text.Json;

namespace IamHarden.Cli.Tests.Lint;

/// <summary>`iamharden lint` as a process: output formats, exit codes, standard input, options, bad input.</summary>
public class LintCommandTests
{
    private static string Case(string code, string which) => Path.Combine(CliProcess.Fixtures, "lint", "cases", $"{code}.{which}.json");

    [Fact]
    public void Clean_policy_exits_0_with_a_summary()
    {
        var run = CliProcess.Run("lint", Case("MFA_DENY_BOOL_WITHOUT_IF_EXISTS", "good"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("1 file linted: no findings\n", run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Error_exits_1_with_compiler_style_lines_and_the_fix()
    {
        var file = Case("INVALID_ACTION", "bad");
        var run = CliProcess.Run("lint", file);
        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.Split('\n');
        Assert.StartsWith($"{file}:6:17: error INVALID_ACTION: \"s3:GetObjects\" is not an action of", lines[0]);
        Assert.Contains("did you mean \"s3:GetObject\"?", lines[0]);
        Assert.Equal("    fix: write \"s3:GetObject\"", lines[1]);
        Assert.Contains("1 file linted: 1 error", run.Stdout);
    }

    [Fact]
    public void Security_warning_exits_1_and_warnings_alone_exit_0()
    {
        Assert.Equal(1, CliProcess.Run("lint", Case("MFA_DENY_BOOL_WITHOUT_IF_EXISTS", "bad")).ExitCode);
        var warningOnly = CliProcess.Run("lint", Case("MFA_PASSWORD_RESET_BLOCKED", "bad"));
        Assert.Contains("warning MFA_PASSWORD_RESET_BLOCKED", warningOnly.Stdout);
        Assert.Equal(0, warningOnly.ExitCode);
    }

    [Fact]
    public void Guide_policies_from_the_policy_command_get_their_traps_through_standard_input()
    {
        var guide = CliProcess.Run("policy", "mfa", "--variant", "guide");
        Assert.Equal(0, guide.ExitCode);
        var run = CliProcess.Run(["lint", "-"], stdin: guide.Stdout);
        Assert.Contains("<stdin>:", run.Stdout);
        Assert.Contains("MFA_ENROLLMENT_ACTIONS_MISSING", run.Stdout);
        Assert.Contains("MFA_PASSWORD_RESET_BLOCKED", run.Stdout);

        var recommended = CliProcess.Run("policy", "ip", "--cidr", "203.0.113.0/24", "--cidr", "2001:db8:1234::/48");
        var clean = CliProcess.Run(["lint", "-"], stdin: recommended.Stdout);
        Assert.Equal(0, clean.ExitCode);
        Assert.Contains("no findings", clean.Stdout);
    }

    [Fact]
    public void Missing_file_exits_2_but_the_other_files_are_still_linted()
    {
        var run = CliProcess.Run("lint", Case("INVALID_ACTION", "bad"), "no-such-policy.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("INVALID_ACTION", run.Stdout);
        Assert.Contains("no-such-policy.json: no such policy file", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Theory]
    [InlineData("[{\"Effect\": \"Allow\"}]", "JSON array")]
    [InlineData("{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {}}", "CloudFormation template")]
    [InlineData("{\"Version\": \"2012-10-17\", \"Statement\": [", "invalid JSON")]
    public void Input_that_is_not_a_policy_exits_2_and_is_explained(string text, string explanation)
    {
        var run = CliProcess.Run(["lint", "-"], stdin: text);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("<stdin>:1:", run.Stdout);
        Assert.Contains(explanation, run.Stdout);
    }

    [Fact]
    public void Kind_changes_what_is_required()
    {
        var file = Case("MISSING_PRINCIPAL", "bad");
        Assert.Equal(0, CliProcess.Run("lint", file).ExitCode);
        var resource = CliProcess.Run("lint", "--kind", "resource", file);
        Assert.Equal(1, resource.ExitCode);
        Assert.Contains("error MISSING_PRINCIPAL", resource.Stdout);
    }

    [Theory]
    [InlineData("identity", 1, "MISSING_RESOURCE,UNSUPPORTED_PRINCIPAL")]
    [InlineData("boundary", 1, "MISSING_RESOURCE,UNSUPPORTED_PRINCIPAL")]
    [InlineData("scp", 1, "MISSING_RESOURCE,UNSUPPORTED_PRINCIPAL")]
    [InlineData("resource", 1, "MISSING_RESOURCE")]
    [InlineData("trust", 0, "")]
    public void A_role_trust_policy_is_valid_only_as_kind_trust(string kind, int exit, string codes)
    {
        var run = CliProcess.Run("lint", "--kind", kind, "--format", "json", Path.Combine(CliProcess.Fixtures, "lint", "kinds", "role-trust-policy.json"));
        Assert.Equal(exit, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var found = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).Order();
        Assert.Equal(codes, string.Join(",", found));
    }

    [Fact]
    public void Json_output_lists_findings_with_positions_and_paths()
    {
        var run = CliProcess.Run("lint", "--format", "json", Case("MFA_DENY_BOOL_WITHOUT_IF_EXISTS", "bad"), Case("INVALID_ACTION", "good"));
        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("MFA_DENY_BOOL_WITHOUT_IF_EXISTS", finding.GetProperty("code").GetString());
        Assert.Equal("security-warning", finding.GetProperty("severity").GetString());
        Assert.EndsWith("MFA_DENY_BOOL_WITHOUT_IF_EXISTS.bad.json", finding.GetProperty("file").GetString());
        Assert.Equal(21, finding.GetProperty("line").GetInt32());
        Assert.Equal(9, finding.GetProperty("column").GetInt32());
        Assert.Equal("Statement[0].Condition.Bool.aws:MultiFactorAuthPresent", finding.GetProperty("jsonPath").GetString());
        Assert.Contains("BoolIfExists", finding.GetProperty("fix").GetString());
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("files").GetInt32());
        Assert.Equal(1, summary.GetProperty("securityWarnings").GetInt32());
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--kind", "user")]
    [InlineData("--quota", "huge")]
    [InlineData("--ignore", "NO_SUCH_CODE")]
    public void Bad_options_exit_2_with_a_message(string option, string value)
    {
        var run = CliProcess.Run("lint", option, value, Case("INVALID_ACTION", "good"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public void No_file_exits_2()
    {
        var run = CliProcess.Run("lint");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("at least one policy file", run.Stderr);
    }

    [Fact]
    public void Ignore_and_quota_options_apply()
    {
        var file = Case("POLICY_SIZE_EXCEEDS_QUOTA", "bad");
        Assert.DoesNotContain("POLICY_SIZE_EXCEEDS_QUOTA", CliProcess.Run("lint", file).Stdout);
        var inline = CliProcess.Run("lint", "--quota", "user-inline", file);
        Assert.Contains("error POLICY_SIZE_EXCEEDS_QUOTA", inline.Stdout);
        Assert.Equal(1, inline.ExitCode);
        var ignored = CliProcess.Run("lint", "--quota", "user-inline", "--ignore", "POLICY_SIZE_EXCEEDS_QUOTA", file);
        Assert.Equal(0, ignored.ExitCode);
    }

    [Fact]
    public void List_rules_prints_every_code()
    {
        var run = CliProcess.Run("lint", "--list-rules");
        Assert.Equal(0, run.ExitCode);
        foreach (var code in new[] { "JSON_SYNTAX_ERROR", "MFA_DENY_BOOL_WITHOUT_IF_EXISTS", "SOURCE_IP_DENY_WITHOUT_VIA_AWS_SERVICE", "PASS_ROLE_WITH_STAR_IN_RESOURCE" })
            Assert.Contains(code, run.Stdout);
    }

    [Fact]
    public void Output_file_is_written_and_not_replaced_without_force()
    {
        var dir = Directory.CreateTempSubdirectory("iamharden-lint-");
        try
        {
            var report = Path.Combine(dir.FullName, "report.json");
            var first = CliProcess.Run("lint", "--format", "json", "-o", report, Case("INVALID_ACTION", "bad"));
            Assert.Equal(1, first.ExitCode);
            Assert.Equal("", first.Stdout);
            Assert.Contains("INVALID_ACTION", File.ReadAllText(report));
            var second = CliProcess.Run("lint", "--format", "json", "-o", report, Case("INVALID_ACTION", "bad"));
            Assert.Equal(2, second.ExitCode);
            Assert.Contains("--force", second.Stderr);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
