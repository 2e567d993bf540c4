using IamHarden.Analysis.Replay;
using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Tests.Replay;

/// <summary>
/// The request context rebuilt from a record. Sources: IAM User Guide, "AWS global condition
/// context keys" (aws:MultiFactorAuthPresent absent for long-term keys, aws:SourceIp absent through
/// VPC endpoints, aws:ViaAWSService for forward access sessions); CloudTrail User Guide,
/// "CloudTrail userIdentity element" (AKIA/ASIA keys, sessionContext.attributes.mfaAuthenticated).
/// </summary>
public class ReplayRequestBuilderTests
{
    private static AuthorizationRequest Build(string eventId, ReplayRequestBuilder? builder = null)
    {
        var record = ReplayFixtures.Record(eventId);
        var principal = ReplayRequestBuilder.Principal(record)!;
        return (builder ?? new ReplayRequestBuilder()).Build(record, principal, EventActionMap.For(record).Action).Request;
    }

    private static string? Value(AuthorizationRequest request, string key) => request.Context.Find(key)?[0];

    [Fact]
    public void Long_term_keys_carry_no_MFA_keys()
    {
        var request = Build("long-term-key-call");
        Assert.False(request.Context.Contains("aws:MultiFactorAuthPresent"));
        Assert.False(request.Context.Contains("aws:MultiFactorAuthAge"));
        Assert.False(request.Context.Contains("aws:TokenIssueTime"));
        Assert.Equal("203.0.113.10", Value(request, "aws:SourceIp"));
        Assert.Equal("false", Value(request, "aws:ViaAWSService"));
        Assert.Equal("bob", Value(request, "aws:username"));
        Assert.Equal("User", Value(request, "aws:PrincipalType"));
        Assert.Equal("true", Value(request, "aws:SecureTransport"));
        Assert.Equal("2026-11-10T09:30:00Z", Value(request, "aws:CurrentTime"));
    }

    [Fact]
    public void Sessions_say_whether_MFA_was_used_and_how_long_ago()
    {
        Assert.Equal("false", Value(Build("session-without-mfa"), "aws:MultiFactorAuthPresent"));
        Assert.False(Build("session-without-mfa").Context.Contains("aws:MultiFactorAuthAge"));
        var withMfa = Build("session-with-mfa");
        Assert.Equal("true", Value(withMfa, "aws:MultiFactorAuthPresent"));
        Assert.Equal("2700", Value(withMfa, "aws:MultiFactorAuthAge"));
        Assert.Equal("2026-11-10T09:00:00Z", Value(withMfa, "aws:TokenIssueTime"));
    }

    [Fact]
    public void Calls_through_a_VPC_endpoint_have_no_SourceIp()
    {
        var request = Build("via-vpc-endpoint");
        Assert.False(request.Context.Contains("aws:SourceIp"));
        Assert.Equal("10.0.3.17", Value(request, "aws:VpcSourceIp"));
        Assert.Equal("vpce-0a1b2c3d4e5f67890", Value(request, "aws:SourceVpce"));
        Assert.Equal("arn:aws:s3:::example-reports/q3.csv", request.Resource);
    }

    [Fact]
    public void Calls_a_service_makes_for_the_user_are_via_AWS_service()
    {
        var request = Build("via-cloudformation");
        Assert.Equal("true", Value(request, "aws:ViaAWSService"));
        Assert.False(request.Context.Contains("aws:SourceIp"));
        Assert.Equal(["cloudformation.amazonaws.com"], request.Context.Find("aws:CalledVia")!.Values);
    }

    [Fact]
    public void Role_sessions_name_the_role_as_PrincipalArn()
    {
        var request = Build("role-session");
        Assert.Equal(PrincipalKind.RoleSession, request.Principal.Kind);
        Assert.Equal("arn:aws:iam::111122223333:role/Auditor", Value(request, "aws:PrincipalArn"));
        Assert.Equal("AssumedRole", Value(request, "aws:PrincipalType"));
        Assert.False(request.Context.Contains("aws:username"));
    }

    [Fact]
    public void IAM_self_service_calls_act_on_the_callers_own_user_and_device()
    {
        Assert.Equal("arn:aws:iam::111122223333:user/engineering/dave", Build("enrol-list-own-devices").Resource);
        Assert.Equal("arn:aws:iam::111122223333:user/engineering/dave", Build("change-own-password").Resource);
        Assert.Equal("arn:aws:iam::111122223333:mfa/dave", Build("enrol-create-device").Resource);
        // A named user without a snapshot has no path; with one, the ARN carries the user's path.
        Assert.Equal("arn:aws:iam::111122223333:user/dave", Build("enrol-enable-device").Resource);
        var withSnapshot = new ReplayRequestBuilder(name => name == "dave" ? "arn:aws:iam::111122223333:user/engineering/dave" : null);
        Assert.Equal("arn:aws:iam::111122223333:user/engineering/dave", Build("enrol-enable-device", withSnapshot).Resource);
        Assert.Equal("arn:aws:s3:::example-reports", Build("s3-list-objects").Resource);
    }

    [Fact]
    public void Snapshot_tags_become_PrincipalTag_keys()
    {
        var builder = new ReplayRequestBuilder(tagsByPrincipalArn: arn => arn.EndsWith("/bob") ? new Dictionary<string, string> { ["team"] = "platform" } : null);
        Assert.Equal("platform", Value(Build("long-term-key-call", builder), "aws:PrincipalTag/team"));
        Assert.False(Build("long-term-key-call").Context.Contains("aws:PrincipalTag/team"));
    }

    [Theory]
    [InlineData("already-denied", true)]
    [InlineData("failed-after-authorization", false)]
    [InlineData("session-with-mfa", false)]
    public void Tells_authorization_failures_from_other_errors(string eventId, bool denied) =>
        Assert.Equal(denied, ReplayRequestBuilder.WasDenied(ReplayFixtures.Record(eventId)));
}
