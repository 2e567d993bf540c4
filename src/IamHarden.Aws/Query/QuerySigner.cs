using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace IamHarden.Aws;

/// <summary>
/// Signs a form-encoded Query POST with AWSSDK.Core's public SigV4 signer. The signer does no I/O; it returns every
/// header the request must carry (Authorization, X-Amz-Date, X-Amz-Content-SHA256, and x-amz-security-token for
/// session credentials), all of which are copied onto the outgoing request.
/// </summary>
internal static class QuerySigner
{
    public const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    public static async Task<IReadOnlyDictionary<string, string>> SignAsync(
        Uri url, byte[] body, AWSCredentials credentials, string region, string service, DateTime signedAtUtc,
        CancellationToken cancellationToken)
    {
        var request = new AWSSigningRequest
        {
            HttpMethod = HttpMethod.Post,
            RequestUri = url,
            Content = body,
        };
        request.Headers["Content-Type"] = FormContentType;
        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.GetBySystemName(region),
            Service = service,
            SignedAt = signedAtUtc,
        };
        var signed = await AWSSigV4Signer.SignAsync(request, parameters, cancellationToken).ConfigureAwait(false);
        return signed.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
    }
}
