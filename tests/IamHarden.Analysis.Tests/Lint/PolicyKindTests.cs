using IamHarden.Analysis.Lint;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Tests.Lint;

/// <summary>
/// What --kind changes: which elements a policy must or must not have, how strict Sids are and
/// which size quota applies. Sources: IAM User Guide, "IAM JSON policy elements: Principal" (not in
/// identity-based policies, required in resource-based and trust policies), "Role trust policy"
/// (no Resource), Organizations "SCP syntax" (no Principal), Access Analyzer's Unique Sids
/// required (IAM-stored policies) vs recommended (resource-based policies).
/// </summary>
public class PolicyKindTests
{
    private const string WithPrincipalAndResource = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole","Resource":"*"}]}
        """;

    private const string WithoutPrincipalOrResource = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}
        """;

    private const string DuplicateSids = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"Read","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},
          {"Sid":"Read","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:ListBucket","Resource":"arn:aws:s3:::b"}]}
        """;

    private static HashSet<string> Codes(string text, PolicyKind kind) =>
        [.. PolicyLinter.Lint(text, "policy.json", new LintOptions { Kind = kind }).Findings.Select(f => f.Code)];

    [Theory]
    [InlineData(PolicyKind.Identity, "UNSUPPORTED_PRINCIPAL")]
    [InlineData(PolicyKind.PermissionsBoundary, "UNSUPPORTED_PRINCIPAL")]
    [InlineData(PolicyKind.ServiceControl, "UNSUPPORTED_PRINCIPAL")]
    [InlineData(PolicyKind.Session, "UNSUPPORTED_PRINCIPAL")]
    [InlineData(PolicyKind.Trust, "UNSUPPORTED_RESOURCE")]
    [InlineData(PolicyKind.Resource, null)]
    public void Principal_and_Resource_together(PolicyKind kind, string? expected)
    {
        var codes = Codes(WithPrincipalAndResource, kind);
        string[] structural = ["UNSUPPORTED_PRINCIPAL", "UNSUPPORTED_RESOURCE", "MISSING_PRINCIPAL", "MISSING_RESOURCE"];
        Assert.Equal(expected is null ? [] : [expected], structural.Where(codes.Contains).ToArray());
    }

    [Theory]
    [InlineData(PolicyKind.Identity, "MISSING_RESOURCE")]
    [InlineData(PolicyKind.PermissionsBoundary, "MISSING_RESOURCE")]
    [InlineData(PolicyKind.ServiceControl, "MISSING_RESOURCE")]
    [InlineData(PolicyKind.Resource, "MISSING_PRINCIPAL", "MISSING_RESOURCE")]
    [InlineData(PolicyKind.Trust, "MISSING_PRINCIPAL")]
    public void Neither_Principal_nor_Resource(PolicyKind kind, params string[] expected)
    {
        var codes = Codes(WithoutPrincipalOrResource, kind);
        string[] structural = ["UNSUPPORTED_PRINCIPAL", "UNSUPPORTED_RESOURCE", "MISSING_PRINCIPAL", "MISSING_RESOURCE"];
        Assert.Equal(expected, structural.Where(codes.Contains).ToArray());
    }

    [Fact]
    public void Duplicate_Sids_are_an_error_where_IAM_stores_the_policy_and_a_warning_in_resource_policies()
    {
        // Principal makes the identity-kind variant an error too; only the Sid codes matter here.
        Assert.Contains("UNIQUE_SIDS_REQUIRED", Codes(DuplicateSids, PolicyKind.Trust));
        Assert.Contains("UNIQUE_SIDS_REQUIRED", Codes(DuplicateSids, PolicyKind.Identity));
        var resource = Codes(DuplicateSids, PolicyKind.Resource);
        Assert.Contains("UNIQUE_SIDS_RECOMMENDED", resource);
        Assert.DoesNotContain("UNIQUE_SIDS_REQUIRED", resource);
    }

    [Theory]
    [InlineData(PolicyKind.Identity, SizeQuota.Managed)]
    [InlineData(PolicyKind.PermissionsBoundary, SizeQuota.Managed)]
    [InlineData(PolicyKind.ServiceControl, SizeQuota.OrganizationsPolicy)]
    [InlineData(PolicyKind.ResourceControl, SizeQuota.OrganizationsPolicy)]
    [InlineData(PolicyKind.Trust, SizeQuota.TrustPolicy)]
    [InlineData(PolicyKind.Session, SizeQuota.SessionPolicy)]
    [InlineData(PolicyKind.Resource, SizeQuota.None)]
    public void Each_kind_has_its_quota(PolicyKind kind, SizeQuota quota)
    {
        Assert.Equal(quota, new LintOptions { Kind = kind }.EffectiveQuota);
    }

    [Fact]
    public void The_message_names_the_kind_in_words()
    {
        var finding = PolicyLinter.Lint(WithPrincipalAndResource, "policy.json").Findings.Single(f => f.Code == "UNSUPPORTED_PRINCIPAL");
        Assert.StartsWith("\"Principal\" is not allowed in an identity-based policy", finding.Message);
        finding = PolicyLinter.Lint(WithPrincipalAndResource, "policy.json", new LintOptions { Kind = PolicyKind.ServiceControl }).Findings.Single(f => f.Code == "UNSUPPORTED_PRINCIPAL");
        Assert.StartsWith("\"Principal\" is not allowed in a service control policy (SCP)", finding.Message);
    }
}
