using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Tests.Evaluation;

/// <summary>
/// The reasons that come with a decision: the decisive statements (policy, type, statement, Sid,
/// position) across every policy type, which required Allow was missing for an implicit deny,
/// and the context keys the deciding statements needed but the request lacks (AWS's
/// MissingContextValues). The decisions themselves are the conformance cases' business.
/// </summary>
public class EvaluationReasonsTests
{
    private static readonly PrincipalIdentity Alice = PrincipalIdentity.Parse("arn:aws:iam::111122223333:user/alice");

    private static CompiledPolicy Policy(string name, PolicyKind kind, string statements) =>
        CompiledPolicy.Parse($$"""{"Version":"2012-10-17","Statement":[{{statements}}]}""", name, kind);

    private static AuthorizationRequest Request(string action = "s3:GetObject", string resource = "arn:aws:s3:::b/k", RequestContext? context = null, PrincipalIdentity? principal = null) =>
        new(principal ?? Alice, action, resource, context ?? new RequestContext());

    private static EvaluationResult Evaluate(PolicySet set, AuthorizationRequest request)
    {
        var result = PolicyEvaluator.Evaluate(set, request);
        Assert.Equal(result.Decision, PolicyEvaluator.Decide(set, request));
        return result;
    }

    [Fact]
    public void An_explicit_deny_names_every_applicable_Deny_of_every_policy_type_and_no_Allow()
    {
        const string deny = """{"Sid":"NoS3","Effect":"Deny","Action":"s3:*","Resource":"*"}""";
        const string denyWithPrincipal = """{"Sid":"NoS3","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}""";
        const string allow = """{"Sid":"All","Effect":"Allow","Action":"*","Resource":"*"}""";
        var set = new PolicySet
        {
            Identity = [Policy("inline", PolicyKind.Identity, allow + "," + deny)],
            PermissionsBoundary = Policy("boundary", PolicyKind.PermissionsBoundary, allow + "," + deny),
            ServiceControlPolicyLevels = [[Policy("scp-root", PolicyKind.ServiceControl, allow + "," + deny)]],
            ResourceControlPolicies = [Policy("rcp", PolicyKind.ResourceControl, denyWithPrincipal)],
            SessionPolicy = Policy("session", PolicyKind.Session, allow + "," + deny),
            ResourcePolicy = Policy("bucket", PolicyKind.Resource, denyWithPrincipal),
        };
        var result = Evaluate(set, Request());
        Assert.Equal(Decision.ExplicitDeny, result.Decision);
        Assert.Equal(
            [("inline", PolicyKind.Identity), ("boundary", PolicyKind.PermissionsBoundary), ("scp-root", PolicyKind.ServiceControl),
             ("rcp", PolicyKind.ResourceControl), ("session", PolicyKind.Session), ("bucket", PolicyKind.Resource)],
            result.MatchedStatements.Select(s => (s.PolicyName, s.PolicyKind)));
        Assert.All(result.MatchedStatements, s => Assert.Equal((Effect.Deny, "NoS3"), (s.Effect, s.Sid)));
        // The identity Deny is the second statement, written after the Allow on the same line.
        var identityDeny = result.MatchedStatements[0];
        Assert.Equal((1, 1), (identityDeny.StatementIndex, identityDeny.Span.Line));
        Assert.Equal(39 + allow.Length, identityDeny.Span.Column);
        Assert.Contains("explicitly denied by inline statement \"NoS3\" #1 (Deny) at 1:", result.Explain());
    }

    [Fact]
    public void An_allowed_request_names_the_Allows_of_every_policy_that_had_to_allow()
    {
        const string s3 = """{"Sid":"S3","Effect":"Allow","Action":"s3:*","Resource":"*"}""";
        var set = new PolicySet
        {
            Identity = [Policy("developer", PolicyKind.Identity, s3), Policy("unrelated", PolicyKind.Identity, """{"Effect":"Allow","Action":"ec2:*","Resource":"*"}""")],
            PermissionsBoundary = Policy("boundary", PolicyKind.PermissionsBoundary, s3),
            ServiceControlPolicyLevels = [[Policy("FullAWSAccess", PolicyKind.ServiceControl, """{"Effect":"Allow","Action":"*","Resource":"*"}""")], [Policy("ou-s3", PolicyKind.ServiceControl, s3)]],
            SessionPolicy = Policy("session", PolicyKind.Session, s3),
        };
        var result = Evaluate(set, Request(principal: PrincipalIdentity.Parse("arn:aws:sts::111122223333:assumed-role/dev/s")));
        Assert.Equal(Decision.Allowed, result.Decision);
        Assert.Equal(["FullAWSAccess", "ou-s3", "developer", "boundary", "session"], result.MatchedStatements.Select(s => s.PolicyName));
        Assert.DoesNotContain(result.MatchedStatements, s => s.PolicyName == "unrelated");
    }

    [Theory]
    [InlineData("identity", ImplicitDenyReason.NoIdentityAllow)]
    [InlineData("boundary", ImplicitDenyReason.NotAllowedByPermissionsBoundary)]
    [InlineData("scp-ou", ImplicitDenyReason.NotAllowedByServiceControlPolicy)]
    [InlineData("session", ImplicitDenyReason.NotAllowedBySessionPolicy)]
    public void An_implicit_deny_says_which_required_Allow_is_missing(string missing, ImplicitDenyReason reason)
    {
        const string s3 = """{"Effect":"Allow","Action":"s3:*","Resource":"*"}""";
        const string ec2 = """{"Effect":"Allow","Action":"ec2:*","Resource":"*"}""";
        string Pick(string who) => who == missing ? ec2 : s3;
        var set = new PolicySet
        {
            Identity = [Policy("identity", PolicyKind.Identity, Pick("identity"))],
            PermissionsBoundary = Policy("boundary", PolicyKind.PermissionsBoundary, Pick("boundary")),
            // Every level of the organization needs an Allow: root allows, the OU may not.
            ServiceControlPolicyLevels = [[Policy("scp-root", PolicyKind.ServiceControl, s3)], [Policy("scp-ou", PolicyKind.ServiceControl, Pick("scp-ou"))]],
            SessionPolicy = Policy("session", PolicyKind.Session, Pick("session")),
        };
        var result = Evaluate(set, Request(principal: PrincipalIdentity.Parse("arn:aws:sts::111122223333:assumed-role/dev/s")));
        Assert.Equal(Decision.ImplicitDeny, result.Decision);
        Assert.Equal(reason, result.ImplicitDenyReason);
        Assert.Empty(result.MatchedStatements);
    }

    [Fact]
    public void Cross_account_without_the_resource_owners_Allow_names_the_resource_policy()
    {
        var set = new PolicySet
        {
            Identity = [Policy("identity", PolicyKind.Identity, """{"Effect":"Allow","Action":"s3:*","Resource":"*"}""")],
            ResourcePolicy = Policy("bucket", PolicyKind.Resource, """{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"s3:*","Resource":"*"}"""),
        };
        var result = Evaluate(set, Request() with { ResourceAccount = "444455556666" });
        Assert.Equal((Decision.ImplicitDeny, ImplicitDenyReason.NotAllowedByResourcePolicy), (result.Decision, result.ImplicitDenyReason));
        Assert.Contains("resource's policy does not allow this principal", result.Explain());
    }

    [Fact]
    public void RCPs_govern_only_the_services_that_support_them()
    {
        var set = new PolicySet
        {
            Identity = [Policy("identity", PolicyKind.Identity, """{"Effect":"Allow","Action":"*","Resource":"*"}""")],
            ResourceControlPolicies = [Policy("rcp", PolicyKind.ResourceControl, """{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}""")],
            RcpAppliesToService = service => service == "s3",
        };
        Assert.Equal(Decision.ExplicitDeny, Evaluate(set, Request()).Decision);
        Assert.Equal(Decision.Allowed, Evaluate(set, Request("ec2:RunInstances", "arn:aws:ec2:us-east-1:111122223333:instance/*")).Decision);
    }

    [Fact]
    public void Missing_context_values_are_the_keys_the_deciding_statements_read_and_the_request_lacks()
    {
        var set = PolicySet.OfIdentity(
            Policy("guards", PolicyKind.Identity,
                """{"Effect":"Deny","NotAction":"sts:GetSessionToken","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"},"NumericGreaterThanIfExists":{"aws:MultiFactorAuthAge":"3600"}}},"""
                + """{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}"""),
            Policy("work", PolicyKind.Identity,
                """{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::home/${aws:username}/*"},"""
                + """{"Effect":"Allow","Action":"ec2:*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}"""));

        // MFA present, no source IP: the Denies decide, and their absent keys are listed (an absent
        // aws:SourceIp is what made NotIpAddress true); the Allows were never needed.
        var context = new RequestContext().Set("aws:MultiFactorAuthPresent", "true");
        var denied = Evaluate(set, Request(resource: "arn:aws:s3:::home/alice/k", context: context));
        Assert.Equal(Decision.ExplicitDeny, denied.Decision);
        Assert.Equal(["aws:MultiFactorAuthAge", "aws:SourceIp"], denied.MissingContextKeys.AsEnumerable());

        // Inside the range but without aws:username: nothing allows, because the home-folder Allow
        // needs ${aws:username}; the ec2 statement's aws:RequestedRegion is irrelevant to an S3 request.
        context.Set("aws:SourceIp", "203.0.113.9");
        var implicitly = Evaluate(set, Request(resource: "arn:aws:s3:::home/alice/k", context: context));
        Assert.Equal(Decision.ImplicitDeny, implicitly.Decision);
        Assert.Equal(["aws:MultiFactorAuthAge", "aws:username"], implicitly.MissingContextKeys.AsEnumerable());

        context.Set("aws:username", "alice").Set("aws:MultiFactorAuthAge", "60");
        var allowed = Evaluate(set, Request(resource: "arn:aws:s3:::home/alice/k", context: context));
        Assert.Equal(Decision.Allowed, allowed.Decision);
        Assert.Empty(allowed.MissingContextKeys);
    }

    [Fact]
    public void Keys_are_reported_once_whatever_their_case_in_the_policies()
    {
        var set = PolicySet.OfIdentity(Policy("p", PolicyKind.Identity,
            """{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/Team":"a"}}},"""
            + """{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringLike":{"AWS:principaltag/team":"b*"}}}"""));
        Assert.Single(Evaluate(set, Request()).MissingContextKeys);
    }

    [Fact]
    public void An_error_carries_the_reason_and_no_decision_reasons()
    {
        var set = PolicySet.OfIdentity(Policy("p", PolicyKind.Identity, """{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}"""));
        var result = Evaluate(set, Request(context: new RequestContext().Set("aws:SourceIp", "10.0.0")));
        Assert.Equal(Decision.Error, result.Decision);
        Assert.Contains("\"aws:SourceIp\" has the value \"10.0.0\", which is not an IP address", result.Error);
        Assert.Empty(result.MatchedStatements);
    }
}
