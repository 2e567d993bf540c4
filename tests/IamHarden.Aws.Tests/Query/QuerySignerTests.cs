using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;

namespace IamHarden.Aws.Tests.Query;

/// <summary>
/// SigV4 signing against known vectors: the spec's AWSSigV4Signer vector for the POST ListUsers request, and an
/// independent BCL implementation of the SigV4 algorithm checked on the published suite vector (get-vanilla) and then
/// used to recompute the signature of what IamHarden sends.
/// </summary>
public sealed class QuerySignerTests
{
    private static readonly DateTime SignedAt = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public async Task Post_ListUsers_matches_the_published_AWSSigV4Signer_vector()
    {
        var body = Encoding.UTF8.GetBytes(new QueryRequest("ListUsers").Add("MaxItems", 100).ToFormBody(AwsServiceEndpoint.IamApiVersion));
        Assert.Equal("Action=ListUsers&Version=2010-05-08&MaxItems=100", Encoding.UTF8.GetString(body));

        var headers = await QuerySigner.SignAsync(new Uri("https://iam.amazonaws.com/"), body,
            new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), "us-east-1", "iam", SignedAt, CancellationToken.None);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260102/us-east-1/iam/aws4_request, " +
            "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, " +
            "Signature=5b0d443d3564ab508c51eece983dc8cfb22319dd33b2f006146972d4e3010c56",
            headers["Authorization"]);
        Assert.Equal("20260102T030405Z", headers["X-Amz-Date"]);
        Assert.Equal("59849130e42ae05bc495ce28724f9bd2ced607d6d1b1cb3a3e3561aec8964457", headers["X-Amz-Content-SHA256"]);
    }

    [Fact]
    public void The_reference_algorithm_reproduces_the_sigv4_suite_get_vanilla_vector()
    {
        const string canonical = "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" +
                                 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            ReferenceSignature("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830T123600Z", "us-east-1", "service", canonical));
    }

    [Theory]
    [InlineData("https://iam.amazonaws.com/", "iam", "us-east-1")]
    [InlineData("http://127.0.0.1:5000/", "sts", "cn-north-1")]
    public async Task Session_credentials_sign_the_token_and_the_signature_matches_the_reference_algorithm(string url, string service, string region)
    {
        var uri = new Uri(url);
        var body = Encoding.UTF8.GetBytes(new QueryRequest("GetCallerIdentity").ToFormBody(AwsServiceEndpoint.StsApiVersion));
        var credentials = new SessionAWSCredentials("ASIAEXAMPLESESSION01", "secret/with+chars", "token+with/chars=");
        var headers = await QuerySigner.SignAsync(uri, body, credentials, region, service, SignedAt, CancellationToken.None);

        Assert.Equal("token+with/chars=", headers["x-amz-security-token"]);
        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var canonical = "POST\n/\n\n" +
                        $"content-type:{QuerySigner.FormContentType}\nhost:{host}\nx-amz-content-sha256:{bodyHash}\n" +
                        "x-amz-date:20260102T030405Z\nx-amz-security-token:token+with/chars=\n\n" +
                        $"content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token\n{bodyHash}";
        var expected = ReferenceSignature("secret/with+chars", "20260102T030405Z", region, service, canonical);
        Assert.EndsWith($"Signature={expected}", headers["Authorization"]);
        Assert.Contains($"Credential=ASIAEXAMPLESESSION01/20260102/{region}/{service}/aws4_request", headers["Authorization"]);
    }

    /// <summary>SigV4 written from the specification with the BCL only: an oracle independent of the SDK.</summary>
    private static string ReferenceSignature(string secret, string amzDate, string region, string service, string canonicalRequest)
    {
        static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
        var date = amzDate[..8];
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{date}/{region}/{service}/aws4_request\n" +
                           Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
        var key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), date), region), service), "aws4_request");
        return Convert.ToHexStringLower(Hmac(key, stringToSign));
    }
}
