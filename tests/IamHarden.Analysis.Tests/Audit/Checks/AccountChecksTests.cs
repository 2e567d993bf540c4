using IamHarden.Analysis.Configuration;

namespace IamHarden.Analysis.Tests.Audit.Checks;

public class AccountChecksTests
{
    [Fact]
    public void A_missing_break_glass_user_is_reported()
    {
        var none = new TestAccount { Config = new IamHardenConfig() };
        Assert.Contains("empty", Assert.Single(none.Findings("break_glass_missing")).Message.En);
        var named = new TestAccount().User("alice");
        Assert.Contains("glass", Assert.Single(named.Findings("break_glass_missing")).Message.En);
        Assert.Empty(new TestAccount().Group("E", "aws:AdministratorAccess").User("glass", ["E"]).Findings("break_glass_missing"));
        // One of two configured names is stale: the existing one does not excuse it.
        var stale = new TestAccount().Group("E", "aws:AdministratorAccess").User("glass", ["E"]);
        stale.Config = stale.Config with { BreakGlass = new BreakGlassSettings { Users = ["glass", "deleted-admin"] } };
        Assert.Contains("deleted-admin does not exist", Assert.Single(stale.Findings("break_glass_missing")).Message.En);
    }

    [Fact]
    public void A_break_glass_user_must_have_mfa_no_keys_admin_rights_and_no_ip_restriction()
    {
        var good = new TestAccount().Group("E", "aws:AdministratorAccess", "force-mfa-recommended").User("glass", ["E"]);
        Assert.Empty(good.Findings("break_glass_misconfigured"));

        var restricted = new TestAccount().Group("Admins", "aws:AdministratorAccess", "ip-recommended").User("glass", ["Admins"], keys: 1, mfa: false);
        var message = Assert.Single(restricted.Findings("break_glass_misconfigured")).Message.En;
        Assert.Contains("no MFA device", message);
        Assert.Contains("active access keys", message);
        Assert.Contains("IP-restricted", message);

        var powerless = new TestAccount().Group("R", "aws:ReadOnlyAccess").User("glass", ["R"]);
        Assert.Contains("no administrative access", Assert.Single(powerless.Findings("break_glass_misconfigured")).Message.En);
    }

    [Fact]
    public void Customer_policies_that_allow_everything_are_reported_whatever_their_form()
    {
        var account = new TestAccount().Group("G", "allow-all", "allow-all-but-one", "allow-all-with-mfa", "s3-read", "aws:AdministratorAccess").User("u", ["G"]);
        var subjects = account.Findings("full_admin_policy").Select(f => f.Subject.Split('/')[^1]).Order().ToList();
        // AWS managed policies are not the account's to fix; s3-read is not everything.
        Assert.Equal(["allow-all", "allow-all-but-one", "allow-all-with-mfa"], subjects);
    }

    [Fact]
    public void A_permissions_boundary_that_allows_everything_is_not_an_admin_policy()
    {
        var account = new TestAccount().User("sybil", boundary: "boundary-deny-iam");
        Assert.DoesNotContain(account.Findings("full_admin_policy"), f => f.Subject.EndsWith("boundary-deny-iam"));
    }
}
