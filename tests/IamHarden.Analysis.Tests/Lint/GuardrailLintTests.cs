using IamHarden.Analysis.Guardrails;
using IamHarden.Analysis.Lint;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Tests.Lint;

/// <summary>
/// The recommended guardrails lint clean; the guide's literal policies get exactly their traps.
/// Decision: an IPv4-only CIDR list gets the informational SOURCE_IP_IPV4_ONLY suggestion and
/// nothing else (it cannot be told apart from a network that simply has no IPv6).
/// </summary>
public class GuardrailLintTests
{
    private static LintResult Lint(PolicyDocument document) =>
        PolicyLinter.Lint(PolicyPrinter.Print(document, indented: true), document.Name);

    private static readonly IpRestrictionOptions DualStack = new() { Cidrs = ["203.0.113.0/24", "198.51.100.7/32", "2001:db8:1234::/48"] };

    [Fact]
    public void Recommended_MFA_policy_has_no_findings()
    {
        var result = Lint(GuardrailPolicies.Mfa(GuardrailVariant.Recommended));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Recommended_IP_policy_with_IPv4_and_IPv6_ranges_has_no_findings()
    {
        var result = Lint(GuardrailPolicies.IpRestriction(GuardrailVariant.Recommended, DualStack));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Recommended_IP_policy_with_VPC_endpoint_exemptions_has_no_findings()
    {
        var options = DualStack with { VpcEndpointIds = ["vpce-1a2b3c4d5e6f7a8b9"], VpcSourceCidrs = ["10.0.0.0/16"] };
        var result = Lint(GuardrailPolicies.IpRestriction(GuardrailVariant.Recommended, options));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Recommended_IP_policy_with_IPv4_only_gets_only_the_informational_IPv6_note()
    {
        var result = Lint(GuardrailPolicies.IpRestriction(GuardrailVariant.Recommended, new IpRestrictionOptions { Cidrs = ["203.0.113.0/24"] }));
        var finding = Assert.Single(result.Findings);
        Assert.Equal("SOURCE_IP_IPV4_ONLY", finding.Code);
        Assert.Equal(DiagnosticSeverity.Suggestion, finding.Severity);
        Assert.False(result.HasFailures);
    }

    [Fact]
    public void Guide_MFA_policy_gets_the_enrolment_and_password_reset_traps()
    {
        var result = Lint(GuardrailPolicies.Mfa(GuardrailVariant.Guide));
        Assert.Equal(["MFA_ENROLLMENT_ACTIONS_MISSING", "MFA_PASSWORD_RESET_BLOCKED"], result.Findings.Select(f => f.Code).Order().ToArray());
        var enrol = result.Findings.Single(f => f.Code == "MFA_ENROLLMENT_ACTIONS_MISSING");
        Assert.Contains("iam:DeleteVirtualMFADevice", enrol.Message);
        var reset = result.Findings.Single(f => f.Code == "MFA_PASSWORD_RESET_BLOCKED");
        Assert.Contains("iam:ChangePassword", reset.Message);
        Assert.Contains("iam:GetAccountPasswordPolicy", reset.Message);
        Assert.Equal("Statement[0].NotAction", reset.JsonPath);
        // The guide uses BoolIfExists: the Bool trap must not be reported.
        Assert.DoesNotContain(result.Findings, f => f.Code == "MFA_DENY_BOOL_WITHOUT_IF_EXISTS");
    }

    [Fact]
    public void Guide_IP_policy_gets_the_missing_ViaAWSService_guard()
    {
        var result = Lint(GuardrailPolicies.IpRestriction(GuardrailVariant.Guide, DualStack));
        var finding = Assert.Single(result.Findings);
        Assert.Equal("SOURCE_IP_DENY_WITHOUT_VIA_AWS_SERVICE", finding.Code);
        Assert.Contains("aws:ViaAWSService", finding.Fix);
    }

    [Fact]
    public void Guide_IP_policy_with_IPv4_only_also_gets_the_IPv6_note()
    {
        var result = Lint(GuardrailPolicies.IpRestriction(GuardrailVariant.Guide, new IpRestrictionOptions { Cidrs = ["203.0.113.0/24"] }));
        Assert.Equal(["SOURCE_IP_DENY_WITHOUT_VIA_AWS_SERVICE", "SOURCE_IP_IPV4_ONLY"], result.Findings.Select(f => f.Code).Order().ToArray());
    }
}
