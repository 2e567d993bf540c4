namespace IamHarden.Cli.Tests.Verify;

/// <summary>
/// Bad input through `verify` (issue 4): unknown property names, CIDRs that do not parse, policies
/// and policy test files that do not parse, missing files, bad options: one positioned message,
/// exit code 2, nothing on standard output, no stack trace.
/// </summary>
public class VerifyBadInputTests
{
    private static string Bad(string name) => Path.Combine("fixtures", "verify", "bad", name);

    private static string AdministratorAccess => Repository.File("samples", "policies", "administrator-access.json");

    private static void AssertCleanFailure(CliOutput run, string expected)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains(expected, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("Exception", run.Stderr);
    }

    [Theory]
    [InlineData("mfaa", "--property \"mfaa\": column 1: unknown property \"mfaa\"; did you mean \"mfa\"?")]
    [InlineData("mfa-enrolable", "did you mean \"mfa-enrollable\"?")]
    [InlineData("source-ip=203.0.113.0/24,198.51.100.0/33", "column 26: \"198.51.100.0/33\" is not an IPv4 or IPv6 address or CIDR")]
    [InlineData("source-ip=office", "column 11: \"office\" is not an IPv4 or IPv6 address or CIDR")]
    [InlineData("source-ip=", "column 11: empty value; expected a CIDR")]
    [InlineData("never=", "column 7: never: \"\" is not an action pattern")]
    [InlineData("never=iam:CreatUser", "column 7: never: \"iam:CreatUser\" is not an action of the catalog; did you mean \"iam:CreateUser\"?")]
    [InlineData("mfa=iam:ChangePassword,sts:GetSesionToken", "column 24: mfa: \"sts:GetSesionToken\" is not an action of the catalog; did you mean \"sts:GetSessionToken\"?")]
    public void A_bad_property_is_reported_with_its_column(string property, string expected)
    {
        AssertCleanFailure(CliProcess.Run("verify", "--policy", AdministratorAccess, "--property", property), expected);
    }

    [Fact]
    public void A_policy_that_does_not_parse_is_reported_at_file_line_column()
    {
        var path = Bad("broken-policy.json");
        var run = CliProcess.Run("verify", "--policy", AdministratorAccess, "--policy", path, "--property", "mfa");
        AssertCleanFailure(run, $"{path}:8:5: error JSON_SYNTAX_ERROR: ");
        Assert.StartsWith(path + ":8:5:", run.Stderr);
    }

    [Theory]
    [InlineData("--policy")]
    [InlineData("--boundary")]
    [InlineData("--scp")]
    public void Every_policy_option_reports_a_missing_file(string option)
    {
        string[] policy = option == "--policy" ? [] : ["--policy", AdministratorAccess];
        var run = CliProcess.Run(["verify", .. policy, option, "no-such-policy.json", "--property", "mfa"]);
        AssertCleanFailure(run, "no-such-policy.json: no such policy file");
    }

    [Theory]
    [InlineData("invalid-yaml.test.yaml", "invalid-yaml.test.yaml:5:13: invalid YAML: ")]
    [InlineData("unknown-key.test.yaml", "unknown-key.test.yaml:6:5: unknown key \"expcet\" in requests[0]; did you mean \"expect\"?")]
    [InlineData("unknown-property.test.yaml", "unknown-property.test.yaml:5:40: properties[0].property: \"198.51.100.0/33\" is not an IPv4 or IPv6 address or CIDR")]
    [InlineData("missing-policy-file.test.yaml", "missing-policy-file.test.yaml:2:14: policies.force-mfa: no such policy file no-such-policy.json")]
    [InlineData("no-such.test.yaml", "no-such.test.yaml: no such policy test file")]
    public void A_bad_policy_test_file_is_reported_at_line_and_column(string file, string expected)
    {
        AssertCleanFailure(CliProcess.Run("verify", "--tests", Bad(file)), Bad(file)[..^file.Length] + expected);
    }

    [Fact]
    public void A_broken_policy_named_by_a_test_file_is_positioned_in_that_policy_from_the_working_directory()
    {
        // The test file names "broken-policy.json" relative to itself; the error names it so that it opens from here.
        var run = CliProcess.Run("verify", "--tests", Bad("broken-policy.test.yaml"));
        AssertCleanFailure(run, $"{Bad("broken-policy.json")}:8:5: error JSON_SYNTAX_ERROR: ");
    }

    [Theory]
    [InlineData(new[] { "verify", "--property", "mfa" }, "give at least one --policy FILE")]
    [InlineData(new[] { "verify", "--policy", "P" }, "give at least one --property")]
    [InlineData(new[] { "verify", "--policy", "P", "--property", "mfa", "--format", "xml" }, "--format must be text or json; found \"xml\"")]
    [InlineData(new[] { "verify", "--policy", "P", "--property", "mfa", "--timeout", "0" }, "--timeout must be a number of seconds")]
    [InlineData(new[] { "verify", "--policy", "P", "--property", "mfa", "--timeout", "soon" }, "--timeout must be a number of seconds")]
    [InlineData(new[] { "verify", "--policy", "P", "--property", "mfa", "--junit", "out.xml" }, "--junit goes with --tests")]
    [InlineData(new[] { "verify", "--tests", "T.yaml", "--property", "mfa" }, "do not combine it with --policy, --property")]
    [InlineData(new[] { "verify", "--policy", "P", "--property", "mfa", "--principal", "alice" }, "--principal ")]
    [InlineData(new[] { "verify", "--policy", "P", "--property", "mfa", "--context", "aws:SourceIp" }, "aws:SourceIp")]
    public void Bad_options_exit_2_with_a_message(string[] args, string expected)
    {
        // "P" is replaced by a real policy so that only the option under test is wrong.
        var run = CliProcess.Run(args.Select(a => a == "P" ? AdministratorAccess : a));
        AssertCleanFailure(run, expected);
    }

    [Theory]
    [InlineData("--junit", "exists")]
    [InlineData("--junit", "no-directory")]
    [InlineData("--output", "exists")]
    [InlineData("--output", "no-directory")]
    [InlineData("--emit-smt2", "no-directory")]
    public void An_unwritable_output_file_is_refused_before_anything_is_decided(string option, string problem)
    {
        var directory = Directory.CreateTempSubdirectory("iamharden-verify-").FullName;
        try
        {
            var path = problem == "exists" ? Path.Combine(directory, "out") : Path.Combine(directory, "missing", "out");
            if (problem == "exists") File.WriteAllText(path, "keep me");
            string[] work = option == "--junit"
                ? ["--tests", Repository.File("samples", "verify", "guardrails.test.yaml")]
                : ["--policy", AdministratorAccess, "--property", "never=iam:*"];
            var run = CliProcess.Run(["verify", .. work, option, path]);
            AssertCleanFailure(run, problem == "exists" ? $"{path}: the file already exists; pass --force to replace it" : "does not exist");
            if (problem == "exists") Assert.Equal("keep me", File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
