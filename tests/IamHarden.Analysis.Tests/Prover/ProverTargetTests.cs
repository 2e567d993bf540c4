using IamHarden.Analysis.Guardrails;
using IamHarden.Analysis.Prover;
using IamHarden.Analysis.Prover.Properties;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Values;
using static IamHarden.Analysis.Tests.Prover.ProverFixtures;

namespace IamHarden.Analysis.Tests.Prover;

/// <summary>The targets of issue 4, as behaviour: the traps of the guide's policies are refuted with the right request; the recommended guardrails are proved.</summary>
public class ProverTargetTests
{
    private static SourceIpProperty SourceIp(bool allowServiceCalls = true) =>
        new(Cidrs.Select(c => IpRange.TryParse(c, out var r) ? r : throw new InvalidOperationException()).ToList(), Cidrs, allowServiceCalls, allowVpcEndpointCalls: false);

    [Fact]
    public void Bool_instead_of_BoolIfExists_is_refuted_by_a_long_term_access_key_request()
    {
        // spec §7.1: with Bool, aws:MultiFactorAuthPresent absent (long-term keys) makes the Deny not apply.
        var boolVariant = Json("""
            {"Version":"2012-10-17","Statement":[{"Sid":"DenyAllExceptListedIfNoMFA","Effect":"Deny",
              "NotAction":["iam:CreateVirtualMFADevice","iam:EnableMFADevice","iam:GetUser","iam:ListMFADevices","iam:ListVirtualMFADevices","iam:ResyncMFADevice","sts:GetSessionToken"],
              "Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}]}
            """, "force-mfa-bool.json");
        var result = PolicyProver.Verify(Set(boolVariant, Managed("AdministratorAccess")), new MfaProperty());
        Assert.Equal(Verdict.Refuted, result.Verdict);
        var example = result.Counterexample!;
        Assert.False(example.Request.Context.Contains("aws:MultiFactorAuthPresent"));
        Assert.Contains("aws:MultiFactorAuthPresent", example.AbsentKeys);
        Assert.Equal(Decision.Allowed, PolicyEvaluator.Decide(Set(boolVariant, Managed("AdministratorAccess")), example.Request));
    }

    [Fact]
    public void Recommended_guardrails_with_administrator_access_prove_every_property()
    {
        var set = Set(Mfa(GuardrailVariant.Recommended), Ip(GuardrailVariant.Recommended), Managed("AdministratorAccess"));
        foreach (VerificationProperty property in new VerificationProperty[] { new MfaProperty(), new MfaEnrollableProperty(mustResetPassword: true), SourceIp() })
        {
            var pinned = property is MfaEnrollableProperty ? new RequestContext().Set("aws:SourceIp", "203.0.113.10") : new RequestContext();
            var result = PolicyProver.Verify(set, property, new ProverOptions { PinnedContext = pinned });
            Assert.True(result.Verdict == Verdict.Proved, $"{property.Text}: {result.Verdict} {result.Reason} {result.Counterexample?.Request}");
        }
    }

    [Fact]
    public void Guide_MFA_policy_is_refuted_by_mfa_enrollable_for_a_user_who_must_reset_the_password()
    {
        var set = Set(Mfa(GuardrailVariant.Guide), Managed("AdministratorAccess"));
        Assert.Equal(Verdict.Proved, PolicyProver.Verify(set, new MfaEnrollableProperty()).Verdict);
        var result = PolicyProver.Verify(set, new MfaEnrollableProperty(mustResetPassword: true));
        Assert.Equal(Verdict.Refuted, result.Verdict);
        Assert.Contains(result.Counterexample!.Request.Action, EnrollmentActions.PasswordReset);
        Assert.Equal(Decision.ExplicitDeny, result.Counterexample.Evaluation.Decision);
    }
}
