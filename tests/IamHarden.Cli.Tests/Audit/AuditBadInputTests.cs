using IamHarden.Analysis.Snapshot;

namespace IamHarden.Cli.Tests.Audit;

/// <summary>
/// Bad input to `audit`: a clear message (which file, where, what was expected, how to produce
/// it) and exit code 2, never a stack trace; what can be tolerated is tolerated and reported.
/// </summary>
public class AuditBadInputTests
{
    private static void AssertBadInput(CliOutput run, params string[] expected)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        foreach (var text in expected) Assert.Contains(text, run.Stderr);
        AssertNoStackTrace(run);
    }

    private static void AssertNoStackTrace(CliOutput run)
    {
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("Exception", run.Stderr);
    }

    [Theory]
    [InlineData(SnapshotFiles.AuthorizationDetails, "aws iam get-account-authorization-details > authorization-details.json")]
    [InlineData(SnapshotFiles.CredentialReport, "aws iam generate-credential-report")]
    [InlineData(SnapshotFiles.AccountSummary, "aws iam get-account-summary > account-summary.json")]
    [InlineData(SnapshotFiles.VirtualMfaDevices, "aws iam list-virtual-mfa-devices > virtual-mfa-devices.json")]
    public void A_missing_file_is_named_with_the_command_that_produces_it(string file, string command)
    {
        using var copy = new SnapshotCopy();
        File.Delete(copy.PathOf(file));
        AssertBadInput(copy.Audit(), file + ": missing; produce it with: " + command);
    }

    [Fact]
    public void A_missing_password_policy_is_no_policy_not_an_error()
    {
        using var copy = new SnapshotCopy();
        File.Delete(copy.PathOf(SnapshotFiles.PasswordPolicy));
        var run = copy.Audit("--format", "json", "--checks", "password_policy_weak");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("no password policy", run.Stdout);
    }

    [Fact]
    public void A_missing_snapshot_directory_says_how_to_create_one()
    {
        var run = CliProcess.Run("audit", "--snapshot", Path.Combine(Path.GetTempPath(), "no-such-snapshot-" + Guid.NewGuid().ToString("N")));
        AssertBadInput(run, "no such snapshot directory", "iamharden collect");
    }

    [Fact]
    public void Truncated_json_names_file_line_and_column()
    {
        using var copy = new SnapshotCopy();
        var text = File.ReadAllText(copy.PathOf(SnapshotFiles.AuthorizationDetails));
        File.WriteAllText(copy.PathOf(SnapshotFiles.AuthorizationDetails), text[..(text.Length / 3)]);
        var run = copy.Audit();
        AssertBadInput(run, "authorization-details.json:", "invalid JSON (is the file truncated?)");
        Assert.Matches(@"authorization-details\.json:\d+:\d+: ", run.Stderr);
    }

    [Fact]
    public void Invalid_json_in_a_small_file_names_it()
    {
        using var copy = new SnapshotCopy();
        File.WriteAllText(copy.PathOf(SnapshotFiles.AccountSummary), "{\"SummaryMap\": {\"Users\": thirty}}");
        AssertBadInput(copy.Audit(), "account-summary.json:1:");
    }

    [Fact]
    public void Truncated_csv_names_file_and_line()
    {
        using var copy = new SnapshotCopy();
        var lines = File.ReadAllLines(copy.PathOf(SnapshotFiles.CredentialReport));
        File.WriteAllText(copy.PathOf(SnapshotFiles.CredentialReport), string.Join("\n", lines.Take(10)) + "\n" + lines[10][..40]);
        AssertBadInput(copy.Audit(), "credential-report.csv:11:");
    }

    [Fact]
    public void A_csv_without_the_credential_report_header_is_refused()
    {
        using var copy = new SnapshotCopy();
        File.WriteAllText(copy.PathOf(SnapshotFiles.CredentialReport), "name,email\nalice,alice@example.com\n");
        AssertBadInput(copy.Audit(), "credential-report.csv:1:", "this is not a credential report");
    }

    [Fact]
    public void Unknown_csv_columns_are_tolerated_and_reported()
    {
        using var copy = new SnapshotCopy();
        var lines = File.ReadAllLines(copy.PathOf(SnapshotFiles.CredentialReport)).Select((l, i) => l + (i == 0 ? ",passkey_count" : ",0"));
        File.WriteAllLines(copy.PathOf(SnapshotFiles.CredentialReport), lines);
        var run = copy.Audit("--format", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("credential-report.csv:1: warning: unknown column(s) ignored: passkey_count", run.Stderr);
        Assert.StartsWith("{", run.Stdout);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void A_report_older_than_its_authorization_details_is_warned_about()
    {
        using var copy = new SnapshotCopy();
        // A user created after the report was generated is not in it.
        var lines = File.ReadAllLines(copy.PathOf(SnapshotFiles.CredentialReport)).Where(l => !l.StartsWith("trent,", StringComparison.Ordinal));
        File.WriteAllLines(copy.PathOf(SnapshotFiles.CredentialReport), lines);
        var run = copy.Audit("--format", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("credential-report.csv: warning: 1 user of the authorization details is not in the credential report, which is therefore older than the authorization details (trent)", run.Stderr);
        // The warning travels with the report.
        Assert.Contains("older than the authorization details", run.Stdout);
    }

    [Theory]
    [InlineData("alowedCidrs:\n  - 203.0.113.0/24\n", "iamharden.yaml:1:1: unknown key \"alowedCidrs\" in the configuration; did you mean \"allowedCidrs\"?")]
    [InlineData("thresholds:\n  rootUseDay: 30\n", "iamharden.yaml:2:3: unknown key \"rootUseDay\" in thresholds; did you mean \"rootUseDays\"?")]
    [InlineData("breakGlass:\n  user: [victor]\n", "iamharden.yaml:2:3: unknown key \"user\" in breakGlass; did you mean \"users\"?")]
    [InlineData("allowedCidrs: [203.0.113.0/33]\n", "iamharden.yaml:1:16: allowedCidrs: \"203.0.113.0/33\" is not an IPv4 or IPv6 address or CIDR")]
    public void A_config_key_that_does_not_exist_is_an_error_with_the_nearest_valid_key(string yaml, string expected)
    {
        using var copy = new SnapshotCopy();
        File.WriteAllText(copy.ConfigPath, yaml);
        var run = copy.Audit();
        AssertBadInput(run, expected);
    }

    [Fact]
    public void A_missing_config_file_is_an_error()
    {
        using var copy = new SnapshotCopy();
        File.Delete(copy.ConfigPath);
        AssertBadInput(copy.Audit(), "iamharden.yaml: no such configuration file");
    }

    [Theory]
    [InlineData(new[] { "--as-of", "yesterday" }, "--as-of must be an ISO 8601 timestamp")]
    [InlineData(new[] { "--format", "xml" }, "--format must be table, json, csv, sarif or html")]
    [InlineData(new[] { "--fail-on", "severe" }, "--fail-on must be critical, high, medium, low or info")]
    [InlineData(new[] { "--lang", "de" }, "--lang must be en or ko")]
    [InlineData(new[] { "--checks", "console_mfa_enabld" }, "unknown check \"console_mfa_enabld\"; did you mean \"console_mfa_enabled\"?")]
    [InlineData(new[] { "--skip-checks", "root_mfa" }, "unknown check \"root_mfa\"")]
    [InlineData(new[] { "--scp", "no-such-scp.json" }, "no-such-scp.json")]
    public void Bad_options_are_explained(string[] options, string expected) =>
        AssertBadInput(CliProcess.Run(["audit", "--sample", .. options]), expected);

    [Fact]
    public void Snapshot_and_sample_together_are_refused() =>
        AssertBadInput(CliProcess.Run("audit", "--sample", "--snapshot", "x"), "either --snapshot or --sample");

    [Fact]
    public void An_scp_that_is_not_a_valid_policy_is_reported_with_its_position()
    {
        using var copy = new SnapshotCopy();
        var scp = Path.Combine(copy.Root, "scp.json");
        File.WriteAllText(scp, "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"*\"}]}");
        var run = copy.Audit("--scp", scp);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("scp.json:1:", run.Stderr);
        AssertNoStackTrace(run);
    }
}
