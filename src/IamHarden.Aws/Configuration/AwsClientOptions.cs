using Amazon.Runtime;

namespace IamHarden.Aws;

/// <summary>
/// How to reach AWS: which credentials, region, partition and endpoint, and how patient to be. Every member is
/// optional; the defaults follow the AWS CLI (standard credential chain, region from the environment or profile,
/// the partition's global IAM endpoint).
/// </summary>
public sealed record AwsClientOptions
{
    /// <summary>A named profile from <c>~/.aws/config</c> / <c>~/.aws/credentials</c> (<c>--profile</c>). When null,
    /// the SDK's default chain decides (environment, AWS_PROFILE, [default], web identity, container, EC2 metadata).</summary>
    public string? Profile { get; init; }

    /// <summary>The region (<c>--region</c>). IAM is global; the region only chooses the partition and the STS endpoint.
    /// When null: the profile's region, then AWS_REGION / AWS_DEFAULT_REGION, then us-east-1.</summary>
    public string? Region { get; init; }

    /// <summary>Force a partition (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>) instead of deriving it from the region.</summary>
    public string? Partition { get; init; }

    /// <summary>Send IAM and STS requests here instead of AWS (<c>--endpoint-url</c>, e.g. a moto server).</summary>
    public Uri? EndpointUrl { get; init; }

    /// <summary>Send STS requests here (overrides <see cref="EndpointUrl"/> for STS only).</summary>
    public Uri? StsEndpointUrl { get; init; }

    /// <summary>Use these credentials and skip the credential chain (tests, or a host that resolved them itself).</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Where the shared credentials file is, when not the default (<c>AWS_SHARED_CREDENTIALS_FILE</c>).</summary>
    public string? SharedCredentialsFile { get; init; }

    /// <summary>Asked for a TOTP code when the profile is an assume-role profile with <c>mfa_serial</c>.</summary>
    public Func<string>? MfaTokenCodeProvider { get; init; }

    /// <summary>Retry and per-attempt timeout settings.</summary>
    public AwsRetryOptions Retry { get; init; } = new();

    /// <summary>The most requests in flight at once. IAM throttles an account's API calls readily; 4 stays well
    /// inside its limits while letting independent listings overlap.</summary>
    public int MaxConcurrentRequests { get; init; } = 4;

    /// <summary>How long resolving credentials may take (EC2/ECS metadata, SSO, assume-role calls).</summary>
    public TimeSpan CredentialResolutionTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long to wait for a TCP connection to the endpoint.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Told before each retry (from any thread).</summary>
    public Action<AwsRetryNotice>? OnRetry { get; init; }

    /// <summary>Replaces the HTTP stack (unit tests).</summary>
    internal HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>The clock used to sign requests (unit tests).</summary>
    internal TimeProvider Clock { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        Retry.Validate();
        if (MaxConcurrentRequests < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentRequests), MaxConcurrentRequests, "At least one request must be allowed in flight.");
        foreach (var uri in new[] { EndpointUrl, StsEndpointUrl })
        {
            if (uri is not null && (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
                throw new ArgumentException($"The endpoint URL '{uri}' must be an absolute http:// or https:// URL.", nameof(EndpointUrl));
        }
    }
}
