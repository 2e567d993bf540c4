using IamHarden.Analysis.Configuration;
using IamHarden.Aws.Apply;

namespace IamHarden.Aws.Tests.Apply;

/// <summary>The desired state read from configuration text: what is managed, and what is refused.</summary>
public sealed class DesiredStateTests
{
    private static DesiredState Read(string yaml) => DesiredState.FromConfig(ConfigReader.Parse(yaml, "c.yaml"));

    [Fact]
    public void An_audit_only_configuration_manages_nothing()
    {
        var desired = Read("allowedCidrs: [203.0.113.0/24]\nipRestriction:\n  scope: admins\n  policyName: X\nmfa:\n  policyName: Y\n");
        Assert.Empty(desired.Guardrails);
    }

    [Fact]
    public void An_empty_group_list_is_managed_and_means_no_group_holds_the_policy()
    {
        var mfa = Assert.Single(Read("mfa:\n  groups: []\n").Guardrails);
        Assert.Equal((GuardrailKind.Mfa, "Force_MFA", "/"), (mfa.Kind, mfa.PolicyName, mfa.Path));
        Assert.Empty(mfa.Groups);
    }

    [Fact]
    public void The_IP_policy_is_the_recommended_one_generated_from_allowedCidrs_at_policyPath()
    {
        var ip = Assert.Single(Read("policyPath: /security/\nallowedCidrs: [203.0.113.0/24, 2001:db8:1234::/48]\nipRestriction:\n  groups: [Admins]\n  vpcEndpoints: [vpce-0123456789abcdef0]\n").Guardrails);
        Assert.Equal("arn:aws:iam::111122223333:policy/security/Restrict_Source_IP", ip.ArnIn("aws", "111122223333"));
        Assert.Contains("\"aws:SourceIp\":[\"203.0.113.0/24\",\"2001:db8:1234::/48\"]", ip.DocumentJson);
        Assert.Contains("\"aws:ViaAWSService\":\"false\"", ip.DocumentJson);
        Assert.Contains("vpce-0123456789abcdef0", ip.DocumentJson);
    }

    [Theory]
    [InlineData("ipRestriction:\n  groups: [Admins]\n", "c.yaml:2:3: ipRestriction.groups needs allowedCidrs")]
    [InlineData("mfa:\n  groups: [Admins, admins]\n", "c.yaml:2:20: group \"admins\" is listed twice in mfa.groups")]
    [InlineData("allowedCidrs: [203.0.113.0/24]\nmfa:\n  groups: [A]\n  policyName: Same\nipRestriction:\n  groups: [B]\n  policyName: same\n", "c.yaml:7:3: mfa.policyName and ipRestriction.policyName are both")]
    [InlineData("allowedCidrs: [203.0.113.7/24]\nipRestriction:\n  groups: [A]\n", "c.yaml:1:16: allowedCidrs \"203.0.113.7/24\" has host bits set")]
    [InlineData("allowedCidrs: [0.0.0.0/0]\nipRestriction:\n  groups: [A]\n", "c.yaml:1:16: allowedCidrs \"0.0.0.0/0\" contains every address")]
    [InlineData("mfa:\n  grops: [A]\n", "c.yaml:2:3: unknown key \"grops\" in mfa; did you mean \"groups\"?")]
    public void Configurations_that_cannot_be_applied_are_refused_with_their_position(string yaml, string expected) =>
        Assert.StartsWith(expected, Assert.Throws<ConfigException>(() => Read(yaml)).Message);

    [Fact]
    public void Private_CIDRs_are_fine_while_no_IP_policy_is_written_from_them()
    {
        var desired = Read("allowedCidrs: [10.0.0.0/8]\nmfa:\n  groups: [A]\n");
        Assert.Single(desired.AllowedRanges);
    }
}
