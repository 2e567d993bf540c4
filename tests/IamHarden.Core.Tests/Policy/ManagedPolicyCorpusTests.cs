using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;
using IamHarden.Core.Tests.Evaluation;

namespace IamHarden.Core.Tests.Policy;

/// <summary>
/// The whole AWS managed policy corpus (every policy's default version): each parses without an
/// error, keeps a position on every element, survives a printer round trip and compiles; and
/// facts anyone who uses AWS knows hold when the evaluator decides with them.
/// </summary>
public class ManagedPolicyCorpusTests
{
    private const string Alice = "arn:aws:iam::123456789012:user/alice";

    [Fact]
    public void Every_default_version_parses_without_an_error()
    {
        var failures = ManagedPolicyCorpus.All
            .Select(p => (p.Name, Result: PolicyParser.Parse(p.DocumentText, p.Name)))
            .Where(r => r.Result.HasErrors)
            .Select(r => r.Name + ": " + string.Join("; ", r.Result.Diagnostics.Select(d => d.Format(r.Name))))
            .ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {ManagedPolicyCorpus.All.Count} managed policies were rejected:\n" + string.Join("\n", failures.Take(20)));
        Assert.InRange(ManagedPolicyCorpus.All.Count, 1_500, 1_800);
    }

    [Fact]
    public void Every_element_of_every_policy_points_at_its_own_text()
    {
        long spans = 0;
        foreach (var policy in ManagedPolicyCorpus.All)
        {
            var text = policy.DocumentText;
            spans += SpanAssertions.AssertEveryElementIsPositioned(PolicyParser.Parse(text, policy.Name).Document!, text);
        }
        Assert.True(spans > 100_000, $"only {spans} positioned elements in the corpus");
    }

    [Fact]
    public void Every_policy_survives_a_printer_round_trip()
    {
        foreach (var policy in ManagedPolicyCorpus.All)
        {
            var document = PolicyParser.Parse(policy.DocumentText, policy.Name).Document!;
            var printed = PolicyPrinter.Print(document);
            var reparsed = PolicyParser.Parse(printed, policy.Name);
            Assert.False(reparsed.HasErrors, policy.Name);
            Assert.Equal(PolicyShape.Of(document), PolicyShape.Of(reparsed.Document!));
        }
    }

    [Fact]
    public void Every_policy_compiles_and_decides_without_an_error()
    {
        var context = new RequestContext()
            .Set("aws:username", "alice").Set("aws:SourceIp", "203.0.113.9").Set("aws:MultiFactorAuthPresent", "true")
            .Set("aws:CurrentTime", "2026-01-01T00:00:00Z").Set("aws:SecureTransport", "true").SetList("aws:TagKeys", ["team"]);
        var requests = new[]
        {
            new AuthorizationRequest(PrincipalIdentity.Parse(Alice), "iam:CreateUser", "arn:aws:iam::123456789012:user/bob", context),
            new AuthorizationRequest(PrincipalIdentity.Parse(Alice), "s3:GetObject", "arn:aws:s3:::b/k", context),
            new AuthorizationRequest(PrincipalIdentity.Parse(Alice), "ec2:RunInstances", "arn:aws:ec2:us-east-1:123456789012:instance/*", context),
        };
        var counts = new Dictionary<Decision, int>();
        foreach (var policy in ManagedPolicyCorpus.All)
        {
            var set = PolicySet.OfIdentity(CompiledPolicy.Parse(policy.DocumentText, policy.Name));
            foreach (var request in requests)
            {
                var decision = PolicyEvaluator.Decide(set, request);
                Assert.True(decision != Decision.Error, $"{policy.Name}: {PolicyEvaluator.Evaluate(set, request).Error}");
                counts[decision] = counts.GetValueOrDefault(decision) + 1;
            }
        }
        // Real policies both allow and deny these; a degenerate evaluator would answer one way.
        Assert.True(counts.GetValueOrDefault(Decision.Allowed) > 50 && counts.GetValueOrDefault(Decision.ImplicitDeny) > 1000, string.Join(", ", counts));
    }

    [Theory]
    // The two facts the issue names.
    [InlineData("ReadOnlyAccess", "iam:CreateUser", "arn:aws:iam::123456789012:user/bob", "", "implicitDeny")]
    [InlineData("AdministratorAccess", "iam:CreateUser", "arn:aws:iam::123456789012:user/bob", "", "allowed")]
    // ReadOnlyAccess reads, does not write.
    [InlineData("ReadOnlyAccess", "s3:GetObject", "arn:aws:s3:::b/k", "", "allowed")]
    [InlineData("ReadOnlyAccess", "ec2:DescribeInstances", "*", "", "allowed")]
    [InlineData("ReadOnlyAccess", "s3:PutObject", "arn:aws:s3:::b/k", "", "implicitDeny")]
    [InlineData("ReadOnlyAccess", "ec2:TerminateInstances", "arn:aws:ec2:us-east-1:123456789012:instance/i-1", "", "implicitDeny")]
    // PowerUserAccess: everything but IAM, Organizations and Account, plus a few named exceptions.
    [InlineData("PowerUserAccess", "ec2:RunInstances", "arn:aws:ec2:us-east-1:123456789012:instance/*", "", "allowed")]
    [InlineData("PowerUserAccess", "iam:CreateUser", "arn:aws:iam::123456789012:user/bob", "", "implicitDeny")]
    [InlineData("PowerUserAccess", "iam:CreateServiceLinkedRole", "arn:aws:iam::123456789012:role/aws-service-role/x", "", "allowed")]
    [InlineData("PowerUserAccess", "organizations:CreateAccount", "*", "", "implicitDeny")]
    // AWSDenyAll denies explicitly; nothing else can allow it back.
    [InlineData("AWSDenyAll", "s3:GetObject", "arn:aws:s3:::b/k", "", "explicitDeny")]
    // Service-scoped policies stay in their service.
    [InlineData("AmazonS3ReadOnlyAccess", "s3:GetObject", "arn:aws:s3:::b/k", "", "allowed")]
    [InlineData("AmazonS3ReadOnlyAccess", "s3:PutObject", "arn:aws:s3:::b/k", "", "implicitDeny")]
    [InlineData("AmazonS3ReadOnlyAccess", "dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/t", "", "implicitDeny")]
    [InlineData("IAMReadOnlyAccess", "iam:GetUser", "arn:aws:iam::123456789012:user/bob", "", "allowed")]
    [InlineData("IAMReadOnlyAccess", "iam:CreateAccessKey", "arn:aws:iam::123456789012:user/bob", "", "implicitDeny")]
    // IAMUserChangePassword: only the caller's own password (${aws:username}), with or without a path.
    [InlineData("IAMUserChangePassword", "iam:ChangePassword", "arn:aws:iam::123456789012:user/alice", "aws:username=alice", "allowed")]
    [InlineData("IAMUserChangePassword", "iam:ChangePassword", "arn:aws:iam::123456789012:user/division/alice", "aws:username=alice", "allowed")]
    [InlineData("IAMUserChangePassword", "iam:ChangePassword", "arn:aws:iam::123456789012:user/bob", "aws:username=alice", "implicitDeny")]
    [InlineData("IAMUserChangePassword", "iam:ChangePassword", "arn:aws:iam::123456789012:user/alice", "", "implicitDeny")]
    [InlineData("IAMUserChangePassword", "iam:GetAccountPasswordPolicy", "*", "", "allowed")]
    // AmazonEC2FullAccess may create service-linked roles only for the services it names.
    [InlineData("AmazonEC2FullAccess", "iam:CreateServiceLinkedRole", "arn:aws:iam::123456789012:role/aws-service-role/x", "iam:AWSServiceName=spot.amazonaws.com", "allowed")]
    [InlineData("AmazonEC2FullAccess", "iam:CreateServiceLinkedRole", "arn:aws:iam::123456789012:role/aws-service-role/x", "iam:AWSServiceName=rds.amazonaws.com", "implicitDeny")]
    [InlineData("AmazonEC2FullAccess", "iam:CreateServiceLinkedRole", "arn:aws:iam::123456789012:role/aws-service-role/x", "", "implicitDeny")]
    public void Known_facts_hold(string policyName, string action, string resource, string context, string expected)
    {
        var policy = ManagedPolicyCorpus.Named(policyName);
        var requestContext = new RequestContext();
        foreach (var pair in context.Split(',', StringSplitOptions.RemoveEmptyEntries))
            requestContext.Set(pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
        var request = new AuthorizationRequest(PrincipalIdentity.Parse(Alice), action, resource, requestContext);
        var set = PolicySet.OfIdentity(CompiledPolicy.Parse(policy.DocumentText, policyName));
        var result = PolicyEvaluator.Evaluate(set, request);
        Assert.True(expected == result.Decision.AwsName(), $"{policyName} {action} on {resource}: expected {expected}, got {result.Decision.AwsName()} ({result.Explain()})");
    }

    [Fact]
    public void The_guides_MFA_deny_beats_AdministratorAccess_until_MFA_is_used()
    {
        var admin = CompiledPolicy.Parse(ManagedPolicyCorpus.Named("AdministratorAccess").DocumentText, "AdministratorAccess");
        var mfa = CompiledPolicy.Parse(ConformanceFixtures.Seeds["MFA-SEED"], "Force_MFA");
        var set = PolicySet.OfIdentity(admin, mfa);
        AuthorizationRequest Request(RequestContext c) => new(PrincipalIdentity.Parse(Alice), "iam:CreateUser", "arn:aws:iam::123456789012:user/bob", c);

        var withoutMfa = PolicyEvaluator.Evaluate(set, Request(new RequestContext().Set("aws:username", "alice")));
        Assert.Equal(Decision.ExplicitDeny, withoutMfa.Decision);
        Assert.Equal("DenyAllExceptListedIfNoMFA", Assert.Single(withoutMfa.MatchedStatements).Sid);
        Assert.Contains("aws:MultiFactorAuthPresent", withoutMfa.MissingContextKeys);

        var withMfa = PolicyEvaluator.Evaluate(set, Request(new RequestContext().Set("aws:username", "alice").Set("aws:MultiFactorAuthPresent", "true")));
        Assert.Equal(Decision.Allowed, withMfa.Decision);
        Assert.Equal("AdministratorAccess", Assert.Single(withMfa.MatchedStatements).PolicyName);
    }
}
