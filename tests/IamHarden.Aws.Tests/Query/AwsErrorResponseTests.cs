using System.Net;

namespace IamHarden.Aws.Tests.Query;

public sealed class AwsErrorResponseTests
{
    [Fact]
    public void Iam_error_xml_gives_code_message_type_and_request_id()
    {
        var error = AwsErrorResponse.Parse(HttpStatusCode.BadRequest, File.ReadAllText(Infrastructure.TestEnvironment.Fixture("Errors/throttling.xml")), null);
        Assert.Equal("Throttling", error.Code);
        Assert.Equal("Rate exceeded", error.Message);
        Assert.Equal("Sender", error.Type);
        Assert.Equal("5c8e2f1a-0000-4000-8000-00000000beef", error.RequestId);
    }

    [Fact]
    public void A_non_xml_body_is_described_by_its_http_status()
    {
        var error = AwsErrorResponse.Parse(HttpStatusCode.BadGateway, "<html><body>Bad gateway</body></html>", "rid-1");
        Assert.Equal("Http502", error.Code);
        Assert.StartsWith("HTTP 502 BadGateway", error.Message);
        Assert.Equal("rid-1", error.RequestId);
    }

    [Fact]
    public void Access_denied_names_the_missing_permission_and_says_what_to_do()
    {
        var denied = new AwsAccessDeniedException("iam", "GetAccountAuthorizationDetails", "AccessDenied",
            "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:GetAccountAuthorizationDetails on resource: *",
            "r-1", HttpStatusCode.Forbidden, 1);
        Assert.Equal("iam:GetAccountAuthorizationDetails", denied.MissingPermission);
        Assert.False(denied.IsExplicitDeny);
        Assert.StartsWith("Access denied: the identity IamHarden runs as is not allowed iam:GetAccountAuthorizationDetails. Grant iam:GetAccountAuthorizationDetails", denied.Message);

        var explicitDeny = new AwsAccessDeniedException("iam", "ListPolicies", "AccessDenied",
            "User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:ListPolicies on resource: * with an explicit deny in an identity-based policy",
            null, HttpStatusCode.Forbidden, 1);
        Assert.True(explicitDeny.IsExplicitDeny);
        Assert.Contains("explicit Deny blocks iam:ListPolicies", explicitDeny.Message);
    }

    [Fact]
    public void Access_denied_on_a_write_lists_what_apply_needs_instead_of_the_read_only_policy()
    {
        var read = new AwsAccessDeniedException("iam", "GetAccountAuthorizationDetails", "AccessDenied", "", null, HttpStatusCode.Forbidden, 1);
        Assert.Contains("SecurityAudit", read.Message);
        var write = new AwsAccessDeniedException("iam", "AttachGroupPolicy", "AccessDenied", "", null, HttpStatusCode.Forbidden, 1);
        Assert.Equal("iam:AttachGroupPolicy", write.MissingPermission);
        Assert.DoesNotContain("SecurityAudit", write.Message);
        Assert.Contains("apply needs iam:CreatePolicy, iam:CreatePolicyVersion, iam:DeletePolicyVersion", write.Message);
    }

    [Theory]
    [InlineData(400, "Throttling", true)]
    [InlineData(400, "RequestLimitExceeded", true)]
    [InlineData(409, "ConcurrentModification", true)]
    [InlineData(500, "ServiceFailure", true)]
    [InlineData(503, "Http503", true)]
    [InlineData(429, "Http429", true)]
    [InlineData(409, "LimitExceeded", false)]
    [InlineData(403, "AccessDenied", false)]
    [InlineData(404, "NoSuchEntity", false)]
    [InlineData(400, "MalformedPolicyDocument", false)]
    public void Only_throttling_transient_and_server_errors_are_retried(int status, string code, bool retried) =>
        Assert.Equal(retried, RetryClassifier.IsRetryable((HttpStatusCode)status, code));

    [Fact]
    public void Full_jitter_stays_within_the_capped_exponential_bound()
    {
        var random = new Random(7);
        for (var retry = 0; retry < 12; retry++)
        {
            var cap = Math.Min(0.1 * Math.Pow(2, retry), 2.0);
            var delay = FullJitterBackoff.Delay(retry, TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(2), random);
            Assert.InRange(delay.TotalSeconds, 0, cap);
        }
    }
}
