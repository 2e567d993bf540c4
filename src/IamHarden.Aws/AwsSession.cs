namespace IamHarden.Aws;

/// <summary>
/// A connection to one AWS account: resolved credentials, the partition and endpoints, and IAM/STS clients that share
/// one HTTP transport (and so one limit on requests in flight). Create with <see cref="ConnectAsync"/>.
/// </summary>
public sealed class AwsSession : IDisposable
{
    private readonly AwsQueryClient _transport;

    private AwsSession(ResolvedCredentials credentials, AwsPartition partition, AwsQueryClient transport, IamClient iam, StsClient sts)
    {
        Credentials = credentials;
        Partition = partition;
        _transport = transport;
        Iam = iam;
        Sts = sts;
    }

    /// <summary>The credentials in use and where they came from.</summary>
    public ResolvedCredentials Credentials { get; }

    /// <summary>The partition IAM calls go to.</summary>
    public AwsPartition Partition { get; }

    /// <summary>The region in use (for STS and the partition).</summary>
    public string Region => Credentials.Region;

    /// <summary>IAM operations.</summary>
    public IamClient Iam { get; }

    /// <summary>STS operations.</summary>
    public StsClient Sts { get; }

    /// <summary>Resolves credentials and endpoints for <paramref name="options"/>. No AWS request is made yet; call
    /// <c>Sts.GetCallerIdentityAsync</c> to check that AWS accepts the credentials.</summary>
    public static async Task<AwsSession> ConnectAsync(AwsClientOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var credentials = await AwsCredentialResolver.ResolveAsync(options, cancellationToken).ConfigureAwait(false);
        var partition = options.Partition is { } name ? AwsPartition.FromName(name) : AwsPartition.FromRegion(credentials.Region);
        var transport = new AwsQueryClient(credentials.Credentials, options);
        var iam = new IamClient(transport, AwsServiceEndpoint.Iam(partition, options.EndpointUrl));
        var sts = new StsClient(transport, AwsServiceEndpoint.Sts(partition, credentials.Region, options.StsEndpointUrl ?? options.EndpointUrl));
        return new AwsSession(credentials, partition, transport, iam, sts);
    }

    /// <summary>An IAM client over the same transport with another page size (tests, or callers tuning MaxItems).</summary>
    public IamClient IamWithPageSize(int pageSize) => new(_transport, Iam.Endpoint, pageSize);

    public void Dispose() => _transport.Dispose();
}
