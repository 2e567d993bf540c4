using IamHarden.Analysis.Lint;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Tests.Lint;

/// <summary>
/// The edges of checks modelled on IAM Access Analyzer's (IAM User Guide, "IAM policy validation
/// check reference"): when they must fire and when the same shape is fine. The bad/good case of
/// each code is in tests/fixtures/lint/cases; these are the variants around them.
/// </summary>
public class AccessAnalyzerParityTests
{
    private static List<string> Codes(string statement, PolicyKind kind = PolicyKind.Identity) =>
        [.. PolicyLinter.Lint($$"""{"Version":"2012-10-17","Statement":[{{statement}}]}""", "policy.json", new LintOptions { Kind = kind }).Findings.Select(f => f.Code)];

    private const string DenyTag = "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE";

    [Theory]
    // Positive operator: the absent key makes the condition false, so route53 is never denied.
    [InlineData("StringEquals", true)]
    [InlineData("ForAnyValue:StringEquals", true)]
    // An absent key makes these true: the Deny then applies to route53 always (too much, not too little).
    [InlineData("StringEqualsIfExists", false)]
    [InlineData("StringNotEquals", false)]
    [InlineData("ForAllValues:StringEquals", false)]
    public void Deny_on_resource_tags_is_flagged_only_where_the_absent_key_lets_actions_through(string op, bool flagged)
    {
        var codes = Codes($$$$"""{"Effect":"Deny","Action":["ec2:TerminateInstances","route53:DeleteHostedZone"],"Resource":"*","Condition":{"{{{{op}}}}":{"aws:ResourceTag/env":"prod"}}}""");
        Assert.Equal(flagged, codes.Contains(DenyTag));
    }

    [Fact]
    public void Deny_on_resource_tags_for_actions_that_support_them_is_fine()
    {
        Assert.DoesNotContain(DenyTag, Codes("""{"Effect":"Deny","Action":["ec2:TerminateInstances","ec2:StopInstances"],"Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/env":"prod"}}}"""));
    }

    [Fact]
    public void Deny_NotAction_on_resource_tags_is_always_flagged()
    {
        Assert.Contains(DenyTag, Codes("""{"Effect":"Deny","NotAction":"iam:*","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/env":"prod"}}}"""));
    }

    [Theory]
    [InlineData("arn:aws:s3:us-east-1::example-bucket/*", "ARN_REGION_NOT_ALLOWED")]
    [InlineData("arn:aws:s3:us-east-1:111122223333:example-bucket/*", "ARN_REGION_NOT_ALLOWED")]
    [InlineData("arn:aws:iam::111122223333:role/app", null)]
    [InlineData("arn:aws:iam:*:111122223333:role/app", null)]
    [InlineData("arn:aws:s3:us-east-1:111122223333:accesspoint/ap1/object/*", null)]
    public void Region_where_the_resource_type_has_none(string arn, string? expected)
    {
        var codes = Codes($$$$"""{"Effect":"Allow","Action":["s3:GetObject","iam:PassRole"],"Resource":"{{{{arn}}}}"}""");
        if (expected is null) Assert.DoesNotContain(codes, c => c.StartsWith("ARN_", StringComparison.Ordinal));
        else Assert.Contains(expected, codes);
        // The dedicated code explains it; RESOURCE_TYPE_MISMATCH does not repeat it.
        if (expected is not null) Assert.DoesNotContain("RESOURCE_TYPE_MISMATCH", codes);
    }

    [Theory]
    [InlineData("{\"AWS\":\"*\"}", false)]
    [InlineData("\"*\"", false)]
    [InlineData("{\"AWS\":\"arn:aws:iam::111122223333:root\"}", false)]
    [InlineData("{\"AWS\":\"arn:aws:iam::*:root\"}", true)]
    [InlineData("{\"Service\":\"*.amazonaws.com\"}", true)]
    public void Wildcards_in_principals(string principal, bool flagged)
    {
        var codes = Codes($$$$"""{"Effect":"Allow","Principal":{{{{principal}}}},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}""", PolicyKind.Resource);
        Assert.Equal(flagged, codes.Contains("UNSUPPORTED_WILDCARD_IN_PRINCIPAL"));
    }

    [Theory]
    [InlineData("aws:PrincipalTag", true)]
    [InlineData("aws:ResourceTag/", true)]
    [InlineData("ec2:ResourceTag", true)]
    [InlineData("aws:PrincipalTag/team", false)]
    [InlineData("aws:PrincipalArn", false)]
    public void Tag_keys_need_the_tag_name(string key, bool flagged)
    {
        var codes = Codes($$$$"""{"Effect":"Allow","Action":"ec2:StartInstances","Resource":"*","Condition":{"StringEquals":{"{{{{key}}}}":"x"}}}""");
        Assert.Equal(flagged, codes.Contains("MISSING_TAG_KEY_IN_CONDITION"));
        // Not also reported as an unknown key with a misleading did-you-mean.
        if (flagged) Assert.DoesNotContain(codes, c => c is "INVALID_GLOBAL_CONDITION_KEY" or "INVALID_SERVICE_CONDITION_KEY");
    }

    [Fact]
    public void The_retired_aws_ARN_key_names_its_replacements()
    {
        var finding = PolicyLinter.Lint("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"ArnEquals":{"aws:ARN":"arn:aws:iam::111122223333:role/x"}}}]}""", "policy.json")
            .Findings.Single(f => f.Code == "INVALID_GLOBAL_CONDITION_KEY");
        Assert.Contains("aws:PrincipalArn", finding.Message);
        Assert.Contains("aws:SourceArn", finding.Message);
    }

    [Theory]
    [InlineData("NumericLessThan", "[\"2700\",\"3600\"]", true)]
    [InlineData("NumericGreaterThanEquals", "[\"1\",\"5\"]", true)]
    [InlineData("NumericEquals", "[\"1\",\"5\"]", false)]
    [InlineData("NumericLessThan", "\"3600\"", false)]
    public void Only_one_value_counts_in_a_numeric_comparison(string op, string values, bool flagged)
    {
        var codes = Codes("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"" + op + "\":{\"aws:MultiFactorAuthAge\":" + values + "}}}");
        Assert.Equal(flagged, codes.Contains("REDUNDANT_CONDITION_VALUE_NUM"));
    }

    [Theory]
    [InlineData("aws:CurrentTime", "1798761600", true)]
    [InlineData("aws:CurrentTime", "2027-01-01T00:00:00Z", false)]
    [InlineData("aws:EpochTime", "1798761600", false)]
    public void Dates_as_epoch_seconds(string key, string value, bool flagged)
    {
        var codes = Codes($$$$"""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"DateLessThan":{"{{{{key}}}}":"{{{{value}}}}"}}}""");
        Assert.Equal(flagged, codes.Contains("INVALID_DATE_VALUE"));
    }

    [Fact]
    public void The_AWS_managed_policies_Access_Analyzer_names_for_service_linked_roles_are_flagged()
    {
        // The check reference lists PowerUserAccess, AdministratorAccess, IAMFullAccess and
        // AWSOrganizationsServiceTrustPolicy as granting iam:CreateServiceLinkedRole on "*".
        var flagged = LintFixtures.ManagedPolicies
            .Where(p => PolicyLinter.Lint(p.Document, p.Name, new LintOptions { Origin = PolicyOrigin.AwsManaged }).Findings.Any(f => f.Code == "CREATE_SLR_WITH_STAR_IN_RESOURCE"))
            .Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "PowerUserAccess", "AdministratorAccess", "IAMFullAccess", "AWSOrganizationsServiceTrustPolicy" }, flagged);
    }
}
