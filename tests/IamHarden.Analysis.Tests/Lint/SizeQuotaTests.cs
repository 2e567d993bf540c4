using IamHarden.Analysis.Lint;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Tests.Lint;

/// <summary>
/// POLICY_SIZE_EXCEEDS_QUOTA at the exact limit of each quota. IAM counts characters without
/// whitespace ("IAM doesn't count white space when calculating the size of a policy", IAM User
/// Guide, IAM and AWS STS quotas); Organizations counts every character of an SCP or RCP, as the
/// CLI and SDKs send it ("The maximum size for SCPs is 5,120 characters, which includes any extra
/// spaces or line breaks", AWS re:Post knowledge center, organization-scp-size).
/// </summary>
public class SizeQuotaTests
{
    private const string Code = "POLICY_SIZE_EXCEEDS_QUOTA";

    /// <summary>A compact policy of exactly <paramref name="size"/> characters (the Sid pads it).</summary>
    private static string CompactPolicyOf(int size)
    {
        const string head = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"";
        const string tail = "\",\"Effect\":\"Deny\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"*\"}]}";
        var text = head + new string('A', size - head.Length - tail.Length) + tail;
        Assert.Equal(size, PolicySize.CharactersWithoutWhitespace(text));
        return text;
    }

    /// <summary>The same policy with whitespace between every token (pretty-printed and then some).</summary>
    private static string Spacious(string compact)
    {
        var indent = "\n" + new string(' ', 40);
        return compact.Replace("{", "{" + indent).Replace(",\"", "," + indent + "\"").Replace("}", indent + "}").Replace("\":", "\": ");
    }

    private static bool Exceeds(string text, LintOptions options) =>
        PolicyLinter.Lint(text, "size.json", options).Findings.Any(f => f.Code == Code);

    [Theory]
    [InlineData(PolicyKind.Identity, null, 6_144)]
    [InlineData(PolicyKind.PermissionsBoundary, null, 6_144)]
    [InlineData(PolicyKind.Identity, SizeQuota.Managed, 6_144)]
    [InlineData(PolicyKind.Identity, SizeQuota.UserInline, 2_048)]
    [InlineData(PolicyKind.Identity, SizeQuota.GroupInline, 5_120)]
    [InlineData(PolicyKind.Identity, SizeQuota.RoleInline, 10_240)]
    [InlineData(PolicyKind.Session, null, 2_048)]
    public void IAM_quotas_hold_at_the_limit_and_do_not_count_whitespace(PolicyKind kind, SizeQuota? quota, int limit)
    {
        var options = new LintOptions { Kind = kind, Quota = quota };
        Assert.False(Exceeds(CompactPolicyOf(limit), options));
        Assert.True(Exceeds(CompactPolicyOf(limit + 1), options));
        // Whitespace is free for IAM: a pretty-printed policy at the limit still fits.
        var spacious = Spacious(CompactPolicyOf(limit));
        Assert.True(spacious.Length > limit + 100);
        Assert.False(Exceeds(spacious, options));
    }

    [Theory]
    [InlineData(PolicyKind.ServiceControl)]
    [InlineData(PolicyKind.ResourceControl)]
    public void Organizations_quota_counts_whitespace_and_says_minifying_helps(PolicyKind kind)
    {
        var options = new LintOptions { Kind = kind };
        Assert.False(Exceeds(CompactPolicyOf(5_120), options));
        Assert.True(Exceeds(CompactPolicyOf(5_121), options));

        var spacious = Spacious(CompactPolicyOf(5_000));
        Assert.True(spacious.Length > 5_120);
        var finding = Assert.Single(PolicyLinter.Lint(spacious, "scp.json", options).Findings, f => f.Code == Code);
        Assert.Contains("Organizations counts whitespace too", finding.Message);
        Assert.Contains("without it the policy is 5,000 characters", finding.Message);
        Assert.Contains("jq -c", finding.Fix);
    }

    [Fact]
    public void Resource_policies_and_AWS_managed_policies_have_no_quota()
    {
        var large = CompactPolicyOf(20_000);
        Assert.False(Exceeds(large, new LintOptions { Kind = PolicyKind.Resource }));
        Assert.False(Exceeds(large, new LintOptions { Origin = PolicyOrigin.AwsManaged }));
        Assert.False(Exceeds(large, new LintOptions { Quota = SizeQuota.None }));
    }

    [Fact]
    public void The_message_says_by_how_much_and_for_what()
    {
        var finding = Assert.Single(PolicyLinter.Lint(CompactPolicyOf(2_100), "inline.json", new LintOptions { Quota = SizeQuota.UserInline }).Findings, f => f.Code == Code);
        Assert.Equal("the policy is 2,100 characters without whitespace, 52 over the 2,048 allowed for the inline policies of a user", finding.Message);
        Assert.Equal((1, 1), (finding.Line, finding.Column));
    }
}
