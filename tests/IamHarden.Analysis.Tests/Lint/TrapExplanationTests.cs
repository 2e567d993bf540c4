using IamHarden.Analysis.Lint;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Tests.Lint;

/// <summary>
/// The trap findings explain what a policy does; these tests check those explanations against the
/// evaluator, so a message never claims a behaviour the policy does not have.
/// </summary>
public class TrapExplanationTests
{
    private static readonly PrincipalIdentity Alice = PrincipalIdentity.Parse("arn:aws:iam::111122223333:user/alice");
    private const string AllowEverything = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    private static Decision Decide(string bad, string action, string resource, RequestContext context)
    {
        var policy = CompiledPolicy.Compile(PolicyParser.Parse(File.ReadAllText(bad), "policy").GetDocumentOrThrow("policy"));
        var admin = CompiledPolicy.Parse(AllowEverything, "admin");
        return PolicyEvaluator.Decide(PolicySet.OfIdentity(policy, admin), new AuthorizationRequest(Alice, action, resource, context));
    }

    public static TheoryData<string> TrapCodes => [.. LintRules.All.Select(r => r.Info)
        .Where(i => i.Category is LintCategory.MfaTraps or LintCategory.SourceIpTraps).Select(i => i.Code)];

    [Theory]
    [MemberData(nameof(TrapCodes))]
    public void Every_trap_finding_says_how_to_fix_this_policy(string code)
    {
        var finding = LintFixtures.LintCase(code, "bad").Findings.First(f => f.Code == code);
        Assert.False(string.IsNullOrWhiteSpace(finding.Fix), $"{code} has no fix");
        Assert.True(finding.Message.Length > 60, $"{code}: the explanation is too short: {finding.Message}");
    }

    [Fact]
    public void Bool_MFA_deny_lets_long_term_access_keys_through_as_the_finding_says()
    {
        var bad = LintFixtures.Case("MFA_DENY_BOOL_WITHOUT_IF_EXISTS", "bad");
        var good = LintFixtures.Case("MFA_DENY_BOOL_WITHOUT_IF_EXISTS", "good");
        // Long-term access keys: aws:MultiFactorAuthPresent is absent.
        Assert.Equal(Decision.Allowed, Decide(bad, "ec2:TerminateInstances", "*", new RequestContext()));
        Assert.Equal(Decision.ExplicitDeny, Decide(good, "ec2:TerminateInstances", "*", new RequestContext()));
        // A console session without MFA is denied by both.
        var console = new RequestContext().Set("aws:MultiFactorAuthPresent", "false");
        Assert.Equal(Decision.ExplicitDeny, Decide(bad, "ec2:TerminateInstances", "*", console));
    }

    [Fact]
    public void Guide_MFA_list_denies_the_must_reset_password_change_as_the_finding_says()
    {
        var bad = LintFixtures.Case("MFA_PASSWORD_RESET_BLOCKED", "bad");
        var good = LintFixtures.Case("MFA_PASSWORD_RESET_BLOCKED", "good");
        var firstSignIn = new RequestContext().Set("aws:MultiFactorAuthPresent", "false").Set("aws:username", "alice");
        Assert.Equal(Decision.ExplicitDeny, Decide(bad, "iam:ChangePassword", Alice.Arn, firstSignIn));
        Assert.NotEqual(Decision.ExplicitDeny, Decide(good, "iam:ChangePassword", Alice.Arn, firstSignIn));
    }

    [Fact]
    public void Action_instead_of_NotAction_denies_enrolment_and_nothing_else_as_the_finding_says()
    {
        var bad = LintFixtures.Case("MFA_DENY_WITH_ACTION_INSTEAD_OF_NOT_ACTION", "bad");
        var noMfa = new RequestContext().Set("aws:MultiFactorAuthPresent", "false");
        Assert.Equal(Decision.ExplicitDeny, Decide(bad, "iam:EnableMFADevice", Alice.Arn, noMfa));
        Assert.Equal(Decision.Allowed, Decide(bad, "ec2:TerminateInstances", "*", noMfa));
    }

    [Fact]
    public void SourceIp_deny_without_guard_denies_calls_AWS_services_make_for_the_user()
    {
        var bad = LintFixtures.Case("SOURCE_IP_DENY_WITHOUT_VIA_AWS_SERVICE", "bad");
        var good = LintFixtures.Case("SOURCE_IP_DENY_WITHOUT_VIA_AWS_SERVICE", "good");
        // CloudFormation creating a bucket with the user's credentials: the service's own address.
        var viaService = new RequestContext().Set("aws:SourceIp", "52.95.110.1").Set("aws:ViaAWSService", "true");
        Assert.Equal(Decision.ExplicitDeny, Decide(bad, "s3:CreateBucket", "arn:aws:s3:::b", viaService));
        Assert.Equal(Decision.Allowed, Decide(good, "s3:CreateBucket", "arn:aws:s3:::b", viaService));
    }

    [Fact]
    public void NotIpAddressIfExists_still_denies_VPC_endpoint_requests_as_the_finding_says()
    {
        var bad = LintFixtures.Case("SOURCE_IP_IF_EXISTS_NO_EFFECT", "bad");
        var viaEndpoint = new RequestContext().Set("aws:ViaAWSService", "false").Set("aws:SourceVpce", "vpce-0aaa1111");
        Assert.Equal(Decision.ExplicitDeny, Decide(bad, "s3:GetObject", "arn:aws:s3:::b/k", viaEndpoint));
    }

    [Fact]
    public void Private_NotIpAddress_denies_every_public_address_as_the_finding_says()
    {
        var bad = LintFixtures.Case("PRIVATE_NOT_IP_ADDRESS", "bad");
        var fromOffice = new RequestContext().Set("aws:SourceIp", "203.0.113.10").Set("aws:ViaAWSService", "false");
        Assert.Equal(Decision.ExplicitDeny, Decide(bad, "s3:GetObject", "arn:aws:s3:::b/k", fromOffice));
    }

    [Fact]
    public void IPv4_only_list_denies_an_IPv6_caller_as_the_finding_says()
    {
        var bad = LintFixtures.Case("SOURCE_IP_IPV4_ONLY", "bad");
        var overIpv6 = new RequestContext().Set("aws:SourceIp", "2001:db8:1234::10").Set("aws:ViaAWSService", "false");
        Assert.Equal(Decision.ExplicitDeny, Decide(bad, "s3:GetObject", "arn:aws:s3:::b/k", overIpv6));
    }
}
