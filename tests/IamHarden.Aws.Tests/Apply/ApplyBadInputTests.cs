using Amazon.Runtime;
using IamHarden.Analysis.Configuration;
using IamHarden.Aws.Apply;
using IamHarden.Aws.Tests.Infrastructure;

namespace IamHarden.Aws.Tests.Apply;

/// <summary>
/// Input plan/apply cannot use: an unreachable endpoint, credentials AWS refuses or that expired, a configuration
/// naming groups the account lacks, CIDRs that do not parse or cannot work. Each ends in a typed error with a clear
/// message before anything is changed.
/// </summary>
public sealed class ApplyBadInputTests(MotoServer moto) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private BasicAWSCredentials _caller = null!;
    private string _before = "";

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        _caller = await GuardrailAccount.SeedAsync(session.Iam, Timeouts.Default);
        _before = await AccountFingerprint.ReadAsync(session.Iam);
    }

    public async Task DisposeAsync()
    {
        await moto.EnableAuthenticationAsync(int.MaxValue);
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        // Whatever the test tried, nothing changed.
        Assert.Equal(_before, await AccountFingerprint.ReadAsync(session.Iam));
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_a_transport_error_naming_it()
    {
        var endpoint = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        using var session = await GuardrailAccount.ConnectAsync(endpoint, _caller, TestSessions.FastRetry with { MaxAttempts = 2 });
        var error = await Assert.ThrowsAsync<AwsTransportException>(() => ApplyRuns.PrepareAsync(session, "guardrails.yaml"));
        Assert.Contains($"Could not reach STS at {endpoint}", error.Message);
        Assert.Contains("--endpoint-url", error.Message);
    }

    [Fact]
    public async Task A_wrong_secret_key_is_refused_by_AWS_with_advice()
    {
        await moto.EnableAuthenticationAsync(0);
        using var session = await GuardrailAccount.ConnectAsync(moto.Endpoint, new BasicAWSCredentials(_caller.GetCredentials().AccessKey, "not-the-secret"));
        var error = await Assert.ThrowsAsync<AwsApiException>(() => ApplyRuns.PrepareAsync(session, "guardrails.yaml"));
        Assert.Equal("SignatureDoesNotMatch", error.Code);
        Assert.Contains("The secret key does not match the access key", error.Message);
    }

    [Fact]
    public async Task Expired_session_credentials_are_explained()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, (_, _) => ProxyFault.ExpiredToken);
        using var session = await GuardrailAccount.ConnectAsync(proxy.Endpoint, _caller);
        var error = await Assert.ThrowsAsync<AwsApiException>(() => ApplyRuns.PrepareAsync(session, "guardrails.yaml"));
        Assert.Equal("ExpiredToken", error.Code);
        Assert.Contains("The session credentials have expired", error.Message);
        Assert.Equal(1, proxy.Requests);
    }

    [Fact]
    public async Task Groups_the_account_does_not_have_are_named_with_their_position_and_the_nearest_group()
    {
        using var session = await GuardrailAccount.ConnectAsync(moto.Endpoint, _caller);
        var error = await Assert.ThrowsAsync<ConfigException>(() => ApplyRuns.PrepareAsync(session, "missing-groups.yaml"));
        var path = GuardrailAccount.ConfigPath("missing-groups.yaml");
        Assert.Equal(
            $"{path}:5:20: mfa.groups: account 123456789012 has no group \"Developer\"; did you mean \"Developers\"?{Environment.NewLine}" +
            $"{path}:5:31: mfa.groups: account 123456789012 has no group \"Operators\"", error.Message);
    }

    [Fact]
    public void A_CIDR_that_does_not_parse_is_reported_where_it_is_written()
    {
        var error = Assert.Throws<ConfigException>(() => ApplyRuns.Desired("unparsable-cidr.yaml"));
        Assert.Equal($"{GuardrailAccount.ConfigPath("unparsable-cidr.yaml")}:2:5: allowedCidrs: \"203.0.113.0/33\" is not an IPv4 or IPv6 address or CIDR (e.g. 203.0.113.0/24)", error.Message);
    }

    [Fact]
    public void A_private_CIDR_cannot_restrict_aws_SourceIp_and_is_refused()
    {
        var error = Assert.Throws<ConfigException>(() => ApplyRuns.Desired("private-cidr.yaml"));
        Assert.StartsWith($"{GuardrailAccount.ConfigPath("private-cidr.yaml")}:3:5: allowedCidrs \"10.0.0.0/8\" is a private range (RFC 1918)", error.Message);
    }
}
