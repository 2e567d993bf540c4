using IamHarden.Aws.Tests.Infrastructure;

namespace IamHarden.Aws.Tests.Collect;

/// <summary>How collect treats the output directory, an account without a password policy, and progress.</summary>
public sealed class SnapshotCollectorTests(MotoServer moto) : IClassFixture<MotoServer>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        await session.Iam.SendAsync(new QueryRequest("CreateUser").Add("UserName", "solo"), Timeouts.Default);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static SnapshotCollectOptions Fast(bool overwrite = false) =>
        new() { Overwrite = overwrite, CredentialReportPollInterval = TimeSpan.FromMilliseconds(20) };

    [Fact]
    public async Task A_non_empty_directory_is_refused_before_any_aws_call()
    {
        var directory = TestEnvironment.NewDirectory("not-empty");
        await File.WriteAllTextAsync(Path.Combine(directory, "notes.txt"), "mine");
        await using var proxy = new FaultProxy(moto.Endpoint, (_, _) => ProxyFault.None);
        using var session = await TestSessions.ConnectAsync(proxy.Endpoint);

        var e = await Assert.ThrowsAsync<SnapshotDirectoryNotEmptyException>(() =>
            new SnapshotCollector(session.Iam, Fast()).CollectAsync(directory, cancellationToken: Timeouts.Default));

        Assert.Equal(directory, e.Directory);
        Assert.Equal(0, proxy.Requests);
        Assert.Equal(["notes.txt"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Without_a_password_policy_the_file_is_absent_and_a_stale_one_is_removed_on_overwrite()
    {
        var directory = TestEnvironment.NewDirectory("no-password-policy");
        await File.WriteAllTextAsync(Path.Combine(directory, SnapshotFileNames.PasswordPolicy), "{\"stale\": true}\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "notes.txt"), "mine");
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);

        var result = await new SnapshotCollector(session.Iam, Fast(overwrite: true)).CollectAsync(directory, cancellationToken: Timeouts.Default);

        Assert.False(result.HasPasswordPolicy);
        Assert.False(File.Exists(Path.Combine(directory, SnapshotFileNames.PasswordPolicy)));
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(directory, "notes.txt")));
        Assert.Equal(
            [SnapshotFileNames.AccountSummary, SnapshotFileNames.AuthorizationDetails, SnapshotFileNames.CredentialReport, "notes.txt", SnapshotFileNames.VirtualMfaDevices],
            Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var cli = await AwsCli.TryRunAsync(moto.Endpoint, CliTimestampFormat.Iso8601, "iam", "get-account-password-policy");
        Assert.NotEqual(0, cli.ExitCode);
        Assert.Contains("NoSuchEntity", cli.StandardError);
    }

    [Fact]
    public async Task Progress_reports_every_step_and_its_completion()
    {
        var reports = new List<CollectProgress>();
        var progress = new SynchronousProgress(p => { lock (reports) reports.Add(p); });
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);

        await new SnapshotCollector(session.Iam, Fast()).CollectAsync(
            Path.Combine(TestEnvironment.NewDirectory("progress"), "out"), progress, Timeouts.Default);

        foreach (var step in Enum.GetValues<CollectStep>())
            Assert.Contains(reports, r => r.Step == step && r.Completed);
        var details = reports.Last(r => r.Step == CollectStep.AuthorizationDetails);
        Assert.Equal(1, details.ItemsDone);
        Assert.Equal("1 users, 0 groups, 0 roles, 0 managed policies read", details.Message);
    }

    private sealed class SynchronousProgress(Action<CollectProgress> report) : IProgress<CollectProgress>
    {
        public void Report(CollectProgress value) => report(value);
    }
}
