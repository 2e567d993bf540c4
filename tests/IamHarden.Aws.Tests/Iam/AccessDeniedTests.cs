using Amazon.Runtime;
using IamHarden.Aws.Tests.Infrastructure;

namespace IamHarden.Aws.Tests.Iam;

/// <summary>
/// With moto's request authentication on, moto checks the SigV4 signature of every request and evaluates the
/// caller's IAM policies, so these tests prove the signatures are right and AccessDenied is reported usefully.
/// </summary>
public sealed class AccessDeniedTests(MotoServer moto) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private BasicAWSCredentials _auditor = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        await moto.EnableAuthenticationAsync(int.MaxValue);
        using var admin = await TestSessions.ConnectAsync(moto.Endpoint);
        await admin.Iam.SendAsync(new QueryRequest("CreateUser").Add("UserName", "auditor"), Timeouts.Default);
        await admin.Iam.SendAsync(new QueryRequest("PutUserPolicy").Add("UserName", "auditor").Add("PolicyName", "list-only")
            .Add("PolicyDocument", File.ReadAllText(TestEnvironment.Fixture("Seed/list-policies-only.json"))), Timeouts.Default);
        var key = (await admin.Iam.SendAsync(new QueryRequest("CreateAccessKey").Add("UserName", "auditor"), Timeouts.Default))
            .RequiredResult.Child("AccessKey")!;
        _auditor = new BasicAWSCredentials(key.ChildText("AccessKeyId"), key.ChildText("SecretAccessKey"));
        await moto.EnableAuthenticationAsync(0);
    }

    public async Task DisposeAsync() => await moto.EnableAuthenticationAsync(int.MaxValue);

    private Task<AwsSession> Connect(AWSCredentials credentials) =>
        AwsSession.ConnectAsync(new AwsClientOptions { EndpointUrl = moto.Endpoint, Credentials = credentials, Retry = TestSessions.FastRetry }, Timeouts.Default);

    [Fact]
    public async Task An_allowed_call_passes_moto_signature_verification()
    {
        using var session = await Connect(_auditor);
        var policies = await session.Iam.ListPoliciesAsync(PolicyScope.Local, cancellationToken: Timeouts.Default);
        Assert.Empty(policies);
    }

    [Fact]
    public async Task A_denied_call_names_the_missing_permission()
    {
        using var session = await Connect(_auditor);
        var e = await Assert.ThrowsAsync<AwsAccessDeniedException>(() =>
            session.Iam.GetAccountAuthorizationDetailsAsync(cancellationToken: Timeouts.Default));
        Assert.Equal("iam:GetAccountAuthorizationDetails", e.MissingPermission);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, e.StatusCode);
        Assert.Equal(1, e.Attempts);
        Assert.Contains("Grant iam:GetAccountAuthorizationDetails", e.Message);
    }

    [Fact]
    public async Task A_wrong_secret_key_is_explained()
    {
        using var session = await Connect(new BasicAWSCredentials(_auditor.GetCredentials().AccessKey, "not-the-secret"));
        var e = await Assert.ThrowsAsync<AwsApiException>(() => session.Iam.ListPoliciesAsync(cancellationToken: Timeouts.Default));
        Assert.Equal("SignatureDoesNotMatch", e.Code);
        Assert.Contains("The secret key does not match the access key", e.Message);
    }
}
