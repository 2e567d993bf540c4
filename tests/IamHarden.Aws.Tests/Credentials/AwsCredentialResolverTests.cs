using Amazon.Runtime;
using IamHarden.Aws.Tests.Infrastructure;

namespace IamHarden.Aws.Tests.Credentials;

/// <summary>Credential and region resolution: profiles from a shared credentials file, explicit credentials, the
/// environment (set by <see cref="TestEnvironment"/>), and the messages for what cannot work.</summary>
public sealed class AwsCredentialResolverTests
{
    private static string CredentialsFile()
    {
        var directory = TestEnvironment.NewDirectory("profiles");
        var path = Path.Combine(directory, "credentials");
        File.Copy(TestEnvironment.Fixture("Profiles/credentials"), path);
        return path;
    }

    [Fact]
    public async Task A_named_profile_gives_its_keys_and_region()
    {
        var resolved = await AwsCredentialResolver.ResolveAsync(
            new AwsClientOptions { Profile = "audit", SharedCredentialsFile = CredentialsFile() }, Timeouts.Default);
        var keys = await resolved.Credentials.GetCredentialsAsync();
        Assert.Equal("AKIAAUDITEXAMPLE0001", keys.AccessKey);
        Assert.Equal("profile 'audit' (BasicAWSCredentials)", resolved.Source);
        // AWS_DEFAULT_REGION (us-east-1) is set for the test process and wins over the profile, as in the AWS CLI.
        Assert.Equal("us-east-1", resolved.Region);
    }

    [Fact]
    public async Task An_unknown_profile_lists_the_known_ones()
    {
        var e = await Assert.ThrowsAsync<AwsCredentialsException>(() => AwsCredentialResolver.ResolveAsync(
            new AwsClientOptions { Profile = "nope", SharedCredentialsFile = CredentialsFile() }, Timeouts.Default));
        Assert.Contains("The AWS profile 'nope' was not found", e.Message);
        Assert.Contains("audit", e.Message);
    }

    [Fact]
    public async Task The_default_chain_reads_the_environment()
    {
        var resolved = await AwsCredentialResolver.ResolveAsync(new AwsClientOptions(), Timeouts.Default);
        Assert.Equal(TestEnvironment.AccessKey, (await resolved.Credentials.GetCredentialsAsync()).AccessKey);
        Assert.StartsWith("default credential chain", resolved.Source);
    }

    [Fact]
    public async Task Explicit_credentials_and_region_win()
    {
        var resolved = await AwsCredentialResolver.ResolveAsync(
            new AwsClientOptions { Credentials = new BasicAWSCredentials("AKIDEXPLICIT", "s"), Region = "cn-north-1" }, Timeouts.Default);
        Assert.Equal("AKIDEXPLICIT", (await resolved.Credentials.GetCredentialsAsync()).AccessKey);
        Assert.Equal("cn-north-1", resolved.Region);
    }

    [Fact]
    public async Task A_region_selects_the_partition_of_the_session()
    {
        using var session = await AwsSession.ConnectAsync(new AwsClientOptions { Region = "cn-northwest-1" }, Timeouts.Default);
        Assert.Equal("aws-cn", session.Partition.Name);
        Assert.Equal(new Uri("https://iam.cn-north-1.amazonaws.com.cn/"), session.Iam.Endpoint.Url);
        Assert.Equal("cn-north-1", session.Iam.Endpoint.SigningRegion);
        Assert.Equal(new Uri("https://sts.cn-northwest-1.amazonaws.com.cn/"), session.Sts.Endpoint.Url);
    }
}
