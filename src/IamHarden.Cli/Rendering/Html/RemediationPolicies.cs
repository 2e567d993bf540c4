using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Guardrails;
using IamHarden.Core.Policy;

namespace IamHarden.Cli.Rendering.Html;

/// <summary>
/// The policy documents the report offers to copy next to a finding: the recommended Force_MFA
/// and source-IP policies, generated exactly as `iamharden policy mfa|ip` would from the audit's
/// configuration (policy names, allowedCidrs, VPC endpoints). The IP policy is absent when the
/// configuration has no CIDRs the recommended policy accepts; <see cref="IpPolicyProblem"/> then
/// says why, and the page shows that with the command instead of a policy that could not work.
/// </summary>
public sealed record RemediationPolicies(string? MfaPolicyJson, string? IpPolicyJson)
{
    public static RemediationPolicies None { get; } = new(null, null);

    /// <summary>Why there is no IP policy to copy (no allowedCidrs, or ones that never match aws:SourceIp).</summary>
    public string? IpPolicyProblem { get; init; }

    /// <summary>Which policy fixes a check: "mfa", "ip" or null. Documented in docs/REPORT.md.</summary>
    public static string? KindFor(string checkId) => checkId switch
    {
        "console_mfa_enabled" or "console_mfa_enforced" or "mfa_enrollment_blocked" => "mfa",
        "ip_restriction_enforced" or "ip_allowlist_too_broad" or "ip_restriction_breaks_service_calls" => "ip",
        _ => null,
    };

    public static RemediationPolicies From(IamHardenConfig config)
    {
        var mfa = PolicyPrinter.Print(GuardrailPolicies.Mfa(GuardrailVariant.Recommended, config.Mfa.PolicyName));
        string? ip;
        string? problem = null;
        try
        {
            var options = new IpRestrictionOptions
            {
                Cidrs = config.AllowedCidrs,
                VpcEndpointIds = config.IpRestriction.VpcEndpoints,
                VpcSourceCidrs = config.IpRestriction.VpcSourceCidrs,
            };
            ip = PolicyPrinter.Print(GuardrailPolicies.IpRestriction(GuardrailVariant.Recommended, options, config.IpRestriction.PolicyName));
        }
        catch (GuardrailException ex)
        {
            // No CIDRs, or ones the recommended policy refuses: a policy with placeholders would be copied and applied as is.
            ip = null;
            problem = "allowedCidrs: " + ex.Message;
        }
        return new(mfa, ip) { IpPolicyProblem = problem };
    }
}
