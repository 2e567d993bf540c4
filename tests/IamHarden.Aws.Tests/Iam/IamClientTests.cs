using IamHarden.Aws.Tests.Infrastructure;

namespace IamHarden.Aws.Tests.Iam;

/// <summary>The typed operations plan/apply will use, round-tripped against moto.</summary>
public sealed class IamClientTests(MotoServer moto) : IClassFixture<MotoServer>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        await AccountSeeder.SeedAsync(session.Iam, withAwsManagedPolicies: false, Timeouts.Default);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Policy_lifecycle_create_version_default_delete()
    {
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        var iam = session.Iam;
        var ct = Timeouts.Default;
        var v1 = File.ReadAllText(TestEnvironment.Fixture("Seed/force-mfa-v1.json"));
        var v2 = File.ReadAllText(TestEnvironment.Fixture("Seed/force-mfa-v2.json"));

        var created = await iam.CreatePolicyAsync("Lifecycle", v1, "/iamharden/", "test policy", [new IamTag("managed-by", "iamharden")], ct);
        Assert.Equal("arn:aws:iam::123456789012:policy/iamharden/Lifecycle", created.Arn);
        Assert.Equal("v1", created.DefaultVersionId);
        Assert.Null(await iam.GetPolicyAsync("arn:aws:iam::123456789012:policy/NoSuchPolicy", ct));

        var second = await iam.CreatePolicyVersionAsync(created.Arn, v2, setAsDefault: true, ct);
        Assert.Equal("v2", second.VersionId);
        Assert.True(second.IsDefaultVersion);
        Assert.Equal("v2", (await iam.GetPolicyAsync(created.Arn, ct))!.DefaultVersionId);
        var fetched = await iam.GetPolicyVersionAsync(created.Arn, "v2", ct);
        Assert.Contains("iam:DeleteVirtualMFADevice", fetched.Document);

        await iam.SetDefaultPolicyVersionAsync(created.Arn, "v1", ct);
        await iam.DeletePolicyVersionAsync(created.Arn, "v2", ct);
        var versions = await iam.ListPolicyVersionsAsync(created.Arn, ct);
        Assert.Equal(["v1"], versions.Select(v => v.VersionId));

        var conflict = await Assert.ThrowsAsync<AwsApiException>(() => iam.DeletePolicyVersionAsync(created.Arn, "v1", ct));
        Assert.Equal(AwsErrorCodes.DeleteConflict, conflict.Code);

        await iam.AttachGroupPolicyAsync("Empty", created.Arn, ct);
        Assert.Contains(await iam.ListAttachedGroupPoliciesAsync("Empty", cancellationToken: ct), p => p.PolicyArn == created.Arn);
        await iam.DetachGroupPolicyAsync("Empty", created.Arn, ct);
        Assert.Empty(await iam.ListAttachedGroupPoliciesAsync("Empty", cancellationToken: ct));
        await iam.DeletePolicyAsync(created.Arn, ct);
        Assert.Null(await iam.GetPolicyAsync(created.Arn, ct));
    }

    [Fact]
    public async Task A_sixth_version_is_refused_with_LimitExceeded_and_not_retried()
    {
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        var doc = File.ReadAllText(TestEnvironment.Fixture("Seed/read-billing.json"));
        var policy = await session.Iam.CreatePolicyAsync("FiveVersions", doc, cancellationToken: Timeouts.Default);
        for (var i = 0; i < 4; i++)
            await session.Iam.CreatePolicyVersionAsync(policy.Arn, doc, setAsDefault: false, Timeouts.Default);
        var e = await Assert.ThrowsAsync<AwsApiException>(() => session.Iam.CreatePolicyVersionAsync(policy.Arn, doc, true, Timeouts.Default));
        Assert.Equal(AwsErrorCodes.LimitExceeded, e.Code);
        Assert.Equal(1, e.Attempts);
    }

    [Fact]
    public async Task Groups_members_mfa_and_account_reads()
    {
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        var iam = session.Iam;
        var ct = Timeouts.Default;

        var developers = await iam.GetGroupAsync("Developers", ct);
        Assert.Equal("/eng/", developers.Group.Path);
        Assert.Equal(["alice", "bob", "carol"], developers.Users.Select(u => u.UserName).Order());
        Assert.Equal(["Admins", "Developers", "Empty"], (await iam.ListGroupsAsync(cancellationToken: ct)).Select(g => g.GroupName).Order());
        // (moto 5.2 ignores ListGroups' PathPrefix, so the path filter is not checked here.)
        Assert.Equal(["Admins", "Developers"], (await iam.ListGroupsForUserAsync("alice", ct)).Select(g => g.GroupName).Order());

        var aliceMfa = Assert.Single(await iam.ListMfaDevicesAsync("alice", ct));
        Assert.Equal("arn:aws:iam::123456789012:mfa/alice", aliceMfa.SerialNumber);
        Assert.Empty(await iam.ListMfaDevicesAsync("bob", ct));
        var spare = Assert.Single(await iam.ListVirtualMfaDevicesAsync(VirtualMfaAssignmentStatus.Unassigned, ct));
        Assert.Null(spare.User);
        Assert.Equal(3, (await iam.ListVirtualMfaDevicesAsync(cancellationToken: ct)).Count);

        var summary = await iam.GetAccountSummaryAsync(ct);
        Assert.Equal(5, summary["Users"]);
        Assert.False(summary.RootHasAccessKeys);
        var passwordPolicy = await iam.GetAccountPasswordPolicyAsync(ct);
        Assert.Equal(14, passwordPolicy!.MinimumPasswordLength);
        Assert.Equal(24, passwordPolicy.PasswordReusePrevention);

        var report = await iam.GetFreshCredentialReportAsync(TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(30), ct);
        var lines = report.Text.TrimEnd('\n').Split('\n');
        Assert.StartsWith("user,arn,user_creation_time,password_enabled,", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("bob,arn:aws:iam::123456789012:user/bob,", StringComparison.Ordinal));

        var groupMissing = await Assert.ThrowsAsync<AwsApiException>(() => iam.GetGroupAsync("NoSuchGroup", ct));
        Assert.True(groupMissing.IsNoSuchEntity);
        Assert.Throws<ArgumentException>(() => { _ = iam.ListMfaDevicesAsync("", ct); });
    }

    [Fact]
    public async Task Customer_policies_list_with_scope_and_path()
    {
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        var local = await session.Iam.ListPoliciesAsync(PolicyScope.Local, cancellationToken: Timeouts.Default);
        Assert.Contains(local, p => p.PolicyName == "Force_MFA" && p.Path == "/security/" && p.DefaultVersionId == "v2");
        var security = await session.Iam.ListPoliciesAsync(PolicyScope.Local, pathPrefix: "/security/", cancellationToken: Timeouts.Default);
        Assert.Equal(["Force_MFA"], security.Select(p => p.PolicyName));
    }

    [Fact]
    public async Task Sts_says_who_is_calling()
    {
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        var identity = await session.Sts.GetCallerIdentityAsync(Timeouts.Default);
        Assert.Equal("123456789012", identity.Account);
        Assert.StartsWith("arn:aws:sts::123456789012:", identity.Arn);
        Assert.Equal("aws", identity.Partition?.Name);
        Assert.Equal("sts", session.Sts.Endpoint.Service);
        Assert.Equal("us-east-1", session.Sts.Endpoint.SigningRegion);
    }
}
