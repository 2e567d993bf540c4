using IamHarden.Aws.Tests.Infrastructure;

namespace IamHarden.Aws.Tests.Iam;

/// <summary>
/// More items than a page: 250 users, each with a virtual MFA device, listed with a page size of 7 (36 pages), and
/// the snapshot's device file still equals what the AWS CLI writes with its own page size.
/// </summary>
public sealed class PaginationTests(MotoServer moto) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private const int Users = 250;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        var ct = Timeouts.Default;
        // Four at a time, as a real seeding script would, within the client's in-flight limit.
        await Parallel.ForEachAsync(Enumerable.Range(0, Users), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
        {
            var name = $"user-{i:D3}";
            await session.Iam.SendAsync(new QueryRequest("CreateUser").Add("UserName", name).Add("Path", i % 2 == 0 ? "/even/" : "/"), token);
            await session.Iam.SendAsync(new QueryRequest("CreateVirtualMFADevice").Add("VirtualMFADeviceName", name), token);
        });
        var doc = File.ReadAllText(TestEnvironment.Fixture("Seed/read-billing.json"));
        for (var i = 0; i < 30; i++)
            await session.Iam.CreatePolicyAsync($"policy-{i:D2}", doc, cancellationToken: ct);
        await session.Iam.SendAsync(new QueryRequest("CreateGroup").Add("GroupName", "Everyone"), ct);
        for (var i = 0; i < 30; i++)
            await session.Iam.AttachGroupPolicyAsync("Everyone", $"arn:aws:iam::123456789012:policy/policy-{i:D2}", ct);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Small_pages_return_every_item_once()
    {
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        var iam = session.IamWithPageSize(7);

        var devices = await iam.ListVirtualMfaDevicesAsync(cancellationToken: Timeouts.Default);
        Assert.Equal(Users, devices.Count);
        Assert.Equal(Users, devices.Select(d => d.SerialNumber).Distinct().Count());

        var policies = await iam.ListPoliciesAsync(PolicyScope.Local, cancellationToken: Timeouts.Default);
        Assert.Equal(30, policies.Count);
        Assert.Equal(30, policies.Select(p => p.Arn).Distinct().Count());
    }

    [Fact]
    public async Task Attached_group_policies_page_past_the_first_page()
    {
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        var attached = await session.IamWithPageSize(4).ListAttachedGroupPoliciesAsync("Everyone", cancellationToken: Timeouts.Default);
        // moto does not enforce the 10-per-group quota, so all 30 attachments exist and take 8 pages.
        Assert.Equal(30, attached.Select(p => p.PolicyArn).Distinct().Count());
    }

    [Fact]
    public async Task Collected_device_file_from_small_pages_equals_the_aws_cli()
    {
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        var directory = TestEnvironment.NewDirectory("pagination");
        var result = await new SnapshotCollector(session.IamWithPageSize(7), new SnapshotCollectOptions { CredentialReportPollInterval = TimeSpan.FromMilliseconds(20) })
            .CollectAsync(directory, cancellationToken: Timeouts.Default);

        Assert.Equal(Users, result.VirtualMfaDevices);
        Assert.Equal(Users, result.Users);
        var cli = await AwsCli.RunAsync(moto.Endpoint, CliTimestampFormat.Iso8601, "iam", "list-virtual-mfa-devices");
        TextAssert.Identical(cli, File.ReadAllText(Path.Combine(directory, SnapshotFileNames.VirtualMfaDevices)), "virtual-mfa-devices.json");
    }
}
