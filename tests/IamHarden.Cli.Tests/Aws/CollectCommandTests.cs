using System.Text.Json;
using IamHarden.Aws.Tests.Infrastructure;

namespace IamHarden.Cli.Tests.Aws;

/// <summary>`collect` as a process against moto: the snapshot files, a summary, audit reading them, and the refusals.</summary>
public sealed class CollectCommandTests(MotoServer moto) : IClassFixture<MotoServer>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        await GuardrailAccount.SeedAsync(session.Iam, Timeouts.Default);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Collect_writes_the_snapshot_that_audit_reads()
    {
        var directory = Path.Combine(TestEnvironment.NewDirectory("collect"), "snapshot");

        var collect = AwsCommandRun.Run(moto.Endpoint, null, ["collect", "--out", directory]);

        Assert.True(collect.ExitCode == 0, collect.Stderr);
        Assert.Contains("Wrote 4 files to", collect.Stdout);
        Assert.Contains("5 users, 3 groups, 0 roles, 2 managed policies, 4 virtual MFA devices, no password policy", collect.Stdout);
        Assert.Equal(["account-summary.json", "authorization-details.json", "credential-report.csv", "virtual-mfa-devices.json"],
            Directory.GetFiles(directory).Select(Path.GetFileName).Order());
        // Redirected, the progress display is one line per finished step on standard error.
        Assert.Contains("collect: Snapshot written", collect.Stderr);

        var audit = CliProcess.Run("audit", "--snapshot", directory, "--format", "json");
        Assert.True(audit.ExitCode == 0, audit.Stderr);
        var findings = JsonDocument.Parse(audit.Stdout).RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("check").GetString() == "console_mfa_enforced" || f.GetProperty("check").GetString() == "root_mfa_enabled");
    }

    [Fact]
    public void A_directory_that_is_not_empty_is_refused_unless_force_and_other_files_are_kept()
    {
        var directory = TestEnvironment.NewDirectory("collect-full");
        var notes = Path.Combine(directory, "notes.txt");
        File.WriteAllText(notes, "mine");

        var refused = AwsCommandRun.Run(moto.Endpoint, null, ["collect", "--out", directory]);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal($"error: {directory}: the directory is not empty; choose an empty or new directory, or pass --force to replace the snapshot files in it (other files are left alone)\n", refused.Stderr);
        Assert.Equal(["notes.txt"], Directory.GetFiles(directory).Select(Path.GetFileName));

        var forced = AwsCommandRun.Run(moto.Endpoint, null, ["collect", "--out", directory, "--force"]);
        Assert.True(forced.ExitCode == 0, forced.Stderr);
        Assert.Equal(5, Directory.GetFiles(directory).Length);
        Assert.Equal("mine", File.ReadAllText(notes));
    }

    [Fact]
    public void An_unreachable_endpoint_is_a_clear_error_with_exit_code_2()
    {
        var directory = Path.Combine(TestEnvironment.NewDirectory("collect-unreachable"), "snapshot");
        var endpoint = new Uri($"http://127.0.0.1:{FreePort.Next()}/");

        var result = AwsCommandRun.Run(endpoint, null, ["collect", "--out", directory]);

        Assert.Equal(2, result.ExitCode);
        // Each retry is announced, then the error says what failed and what to check.
        Assert.Contains("collect: GetAccountAuthorizationDetails attempt 1 failed (", result.Stderr);
        Assert.StartsWith($"error: Could not reach IAM at {endpoint}", result.Stderr.TrimEnd().Split('\n')[^1]);
        Assert.True(AwsCommandRun.HasNoStackTrace(result));
        Assert.False(Directory.Exists(directory));
    }

    [Theory]
    [InlineData(new[] { "collect" }, "give --out DIR")]
    [InlineData(new[] { "collect", "--out", "x", "--timestamps", "unix" }, "--timestamps must be iso8601 or wire")]
    [InlineData(new[] { "collect", "--out", "x", "--endpoint-url", "localhost:5000" }, "--endpoint-url must be an absolute http:// or https:// URL")]
    public void Bad_options_exit_2(string[] args, string expected)
    {
        var result = CliProcess.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
    }
}
