namespace IamHarden.Aws;

/// <summary>The STS calls IamHarden needs, over the same signed Query transport as IAM.</summary>
public sealed class StsClient
{
    private readonly AwsQueryClient _transport;

    public StsClient(AwsQueryClient transport, AwsServiceEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(endpoint);
        _transport = transport;
        Endpoint = endpoint;
    }

    /// <summary>Where requests go and how they are signed.</summary>
    public AwsServiceEndpoint Endpoint { get; }

    /// <summary>GetCallerIdentity: needs no permission, so it also proves the credentials are accepted.</summary>
    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(Endpoint, new QueryRequest("GetCallerIdentity"), cancellationToken).ConfigureAwait(false);
        var result = response.RequiredResult;
        return new CallerIdentity(result.RequiredText("Account"), result.RequiredText("Arn"), result.RequiredText("UserId"));
    }
}
