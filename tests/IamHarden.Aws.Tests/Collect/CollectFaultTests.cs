using IamHarden.Aws.Tests.Infrastructure;

namespace IamHarden.Aws.Tests.Collect;

/// <summary>
/// Collect through a loopback proxy that injects faults between the client and moto: throttling, 500s, 503 pages
/// and connection resets are ridden out by retries; persistent failures and missing permissions end in a clear,
/// typed error and an untouched output directory.
/// </summary>
public sealed class CollectFaultTests(MotoServer moto) : IClassFixture<MotoServer>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        await AccountSeeder.SeedAsync(session.Iam, withAwsManagedPolicies: false, Timeouts.Default);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(ProxyFault.Throttle)]
    [InlineData(ProxyFault.ServerError)]
    [InlineData(ProxyFault.Unavailable)]
    [InlineData(ProxyFault.Reset)]
    public async Task Collect_succeeds_through_transient_failures(ProxyFault fault)
    {
        // Every action's first two attempts fail, so each call in the snapshot needs retries.
        var seen = new Dictionary<string, int>();
        await using var proxy = new FaultProxy(moto.Endpoint, (action, _) =>
        {
            lock (seen)
            {
                seen[action] = seen.GetValueOrDefault(action) + 1;
                return seen[action] <= 2 ? fault : ProxyFault.None;
            }
        });
        var retries = 0;
        using var session = await TestSessions.ConnectAsync(proxy.Endpoint, onRetry: _ => Interlocked.Increment(ref retries));
        var reference = TestEnvironment.NewDirectory("fault-reference");
        var directory = TestEnvironment.NewDirectory("fault");

        var result = await Collector(session).CollectAsync(directory, cancellationToken: Timeouts.Default);

        Assert.True(proxy.Faults >= 10, $"only {proxy.Faults} faults were injected");
        Assert.True(retries >= proxy.Faults);
        Assert.Equal(5, result.Users);
        using var direct = await TestSessions.ConnectAsync(moto.Endpoint);
        await Collector(direct).CollectAsync(reference, cancellationToken: Timeouts.Default);
        foreach (var file in SnapshotFileNames.All.Where(f => f != SnapshotFileNames.CredentialReport))
            TextAssert.Identical(File.ReadAllText(Path.Combine(reference, file)), File.ReadAllText(Path.Combine(directory, file)), file);
    }

    [Fact]
    public async Task Persistent_throttling_ends_in_a_clear_error_and_writes_nothing()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, (action, _) =>
            action == "GetAccountAuthorizationDetails" ? ProxyFault.Throttle : ProxyFault.None);
        using var session = await TestSessions.ConnectAsync(proxy.Endpoint, TestSessions.FastRetry with { MaxAttempts = 4 });
        var directory = Path.Combine(TestEnvironment.NewDirectory("fault-fail"), "snapshot");

        var e = await Assert.ThrowsAsync<AwsApiException>(() => Collector(session).CollectAsync(directory, cancellationToken: Timeouts.Default));

        Assert.Equal("Throttling", e.Code);
        Assert.Equal(4, e.Attempts);
        Assert.StartsWith("iam:GetAccountAuthorizationDetails failed: Throttling: Rate exceeded (gave up after 4 attempts)", e.Message);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task Persistent_connection_resets_end_in_a_transport_error()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, (_, _) => ProxyFault.Reset);
        using var session = await TestSessions.ConnectAsync(proxy.Endpoint, TestSessions.FastRetry with { MaxAttempts = 3 });
        var e = await Assert.ThrowsAsync<AwsTransportException>(() =>
            Collector(session).CollectAsync(TestEnvironment.NewDirectory("fault-reset"), cancellationToken: Timeouts.Default));
        Assert.Equal(3, e.Attempts);
        Assert.Contains($"Could not reach IAM at {proxy.Endpoint}", e.Message);
    }

    [Fact]
    public async Task Access_denied_names_the_missing_permission_without_retrying()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, (action, _) =>
            action == "GenerateCredentialReport" ? ProxyFault.AccessDenied : ProxyFault.None);
        using var session = await TestSessions.ConnectAsync(proxy.Endpoint);

        var e = await Assert.ThrowsAsync<AwsAccessDeniedException>(() =>
            Collector(session).CollectAsync(TestEnvironment.NewDirectory("fault-denied"), cancellationToken: Timeouts.Default));

        Assert.Equal("iam:GenerateCredentialReport", e.MissingPermission);
        Assert.Equal(1, e.Attempts);
        Assert.StartsWith("Access denied: the identity IamHarden runs as is not allowed iam:GenerateCredentialReport.", e.Message);
    }

    private static SnapshotCollector Collector(AwsSession session) =>
        new(session.Iam, new SnapshotCollectOptions { Overwrite = true, CredentialReportPollInterval = TimeSpan.FromMilliseconds(20) });
}
