namespace IamHarden.Analysis.Tests.Audit.Checks;

/// <summary>
/// console_mfa_enforced and mfa_enrollment_blocked judge by evaluating the effective policies,
/// never by names (issue: a policy called "Force_MFA" that does not enforce MFA is caught, a
/// differently named one that does is credited).
/// </summary>
public class MfaChecksTests
{
    [Fact]
    public void The_recommended_mfa_policy_enforces_mfa()
    {
        var account = new TestAccount().Group("Admins", "aws:AdministratorAccess", "force-mfa-recommended").User("alice", ["Admins"], keys: 1);
        Assert.Empty(account.Findings("console_mfa_enforced"));
    }

    [Fact]
    public void A_policy_named_like_force_mfa_that_denies_only_the_enrolment_actions_is_caught()
    {
        var account = new TestAccount().Group("Support", "aws:ReadOnlyAccess", "force-mfa-decoy-action").User("ivan", ["Support"], mfa: false);
        var finding = Assert.Single(account.Findings("console_mfa_enforced"));
        Assert.Equal("false", finding.Counterexample!.Request.Context.Find("aws:MultiFactorAuthPresent")?[0]);
    }

    [Fact]
    public void A_differently_named_policy_that_enforces_mfa_is_credited()
    {
        var account = new TestAccount().Group("Data", "aws:AmazonS3FullAccess", "mfa-enforcing-other-name").User("judy", ["Data"], keys: 1);
        Assert.Empty(account.Findings("console_mfa_enforced"));
    }

    [Fact]
    public void A_wildcard_exemption_that_also_spares_deactivating_mfa_is_caught()
    {
        // "iam:*MFADevice" exempts the enrolment actions but also iam:DeactivateMFADevice: without MFA,
        // a stolen password can switch MFA off. The enrolment actions it shares a wildcard with must not
        // hide it (one representative per class would be an exempt one here).
        var account = new TestAccount().Group("Admins", "aws:AdministratorAccess", "force-mfa-wildcard-exemption").User("alice", ["Admins"]);
        var finding = Assert.Single(account.Findings("console_mfa_enforced"));
        Assert.Equal("iam:DeactivateMFADevice", finding.Counterexample!.Request.Action);
    }

    [Fact]
    public void Bool_instead_of_BoolIfExists_lets_access_keys_through()
    {
        var withKeys = new TestAccount().Group("Legacy", "aws:AdministratorAccess", "force-mfa-bool").User("heidi", ["Legacy"], keys: 1);
        var finding = Assert.Single(withKeys.Findings("console_mfa_enforced"));
        Assert.Null(finding.Counterexample!.Request.Context.Find("aws:MultiFactorAuthPresent"));
        Assert.Contains("aws:MultiFactorAuthPresent", finding.Counterexample.AbsentKeys);
        Assert.Contains("access keys", finding.Message.En);
        // Without access keys the console session is denied: the Bool policy holds for this user.
        var withoutKeys = new TestAccount().Group("Legacy", "aws:AdministratorAccess", "force-mfa-bool").User("heidi", ["Legacy"]);
        Assert.Empty(withoutKeys.Findings("console_mfa_enforced"));
    }

    [Fact]
    public void Counterexamples_replay_through_the_evaluator()
    {
        var account = new TestAccount().Group("Contractors", "aws:ReadOnlyAccess").User("peggy", ["Contractors"], mfa: false);
        var snapshot = account.Build();
        var finding = Assert.Single(account.Findings("console_mfa_enforced"));
        var policies = new IamHarden.Analysis.Audit.PrincipalPolicies(snapshot, []).For(snapshot.Users[0]);
        Assert.Equal(Core.Evaluation.Decision.Allowed, Core.Evaluation.PolicyEvaluator.Decide(policies, finding.Counterexample!.Request));
    }

    [Fact]
    public void The_guides_policy_blocks_a_first_sign_in_password_reset()
    {
        var account = new TestAccount().Group("Ops", "aws:AdministratorAccess", "force-mfa-guide").User("grace", ["Ops"], mfa: false, passwordLastUsedDaysAgo: null);
        var finding = Assert.Single(account.Findings("mfa_enrollment_blocked"));
        Assert.Equal("iam:ChangePassword", finding.Counterexample!.Request.Action);
    }

    [Fact]
    public void The_guides_policy_blocks_enrolment_when_the_group_grants_no_enrolment_actions()
    {
        // The guide's Force_MFA only exempts the enrolment actions from its Deny: something must still allow them.
        var account = new TestAccount().Group("ReadOnly", "aws:ReadOnlyAccess", "force-mfa-guide").User("zoe", ["ReadOnly"], mfa: false);
        var finding = Assert.Single(account.Findings("mfa_enrollment_blocked"));
        Assert.Contains("cannot enrol", finding.Message.En);
    }

    [Fact]
    public void The_recommended_policy_lets_users_enrol_and_reset_their_password()
    {
        var account = new TestAccount().Group("ReadOnly", "aws:ReadOnlyAccess", "force-mfa-recommended")
            .User("zoe", ["ReadOnly"], mfa: false).User("newbie", ["ReadOnly"], mfa: false, passwordLastUsedDaysAgo: null);
        Assert.Empty(account.Findings("mfa_enrollment_blocked"));
    }

    [Fact]
    public void Users_not_held_to_mfa_are_not_blocked()
    {
        var account = new TestAccount().Group("ReadOnly", "aws:ReadOnlyAccess").User("zoe", ["ReadOnly"], mfa: false, passwordLastUsedDaysAgo: null);
        Assert.Empty(account.Findings("mfa_enrollment_blocked"));
    }
}
