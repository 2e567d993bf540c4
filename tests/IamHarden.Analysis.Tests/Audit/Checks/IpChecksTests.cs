using IamHarden.Analysis.Configuration;

namespace IamHarden.Analysis.Tests.Audit.Checks;

public class IpChecksTests
{
    [Fact]
    public void An_admin_without_ip_restriction_is_reported_with_a_request_from_outside()
    {
        var account = new TestAccount().Group("Ops", "aws:IAMFullAccess").User("frank", ["Ops"]);
        var finding = Assert.Single(account.Findings("ip_restriction_enforced"));
        var sourceIp = finding.Counterexample!.Request.Context.Find("aws:SourceIp");
        Assert.True(sourceIp is null || !sourceIp[0].StartsWith("203.0.113."), "the example must come from outside the approved ranges");
    }

    [Fact]
    public void The_recommended_ip_policy_restricts_admins()
    {
        var account = new TestAccount().Group("Admins", "aws:AdministratorAccess", "force-mfa-recommended", "ip-recommended").User("alice", ["Admins"]);
        Assert.Empty(account.Findings("ip_restriction_enforced"));
    }

    [Fact]
    public void Requests_through_the_vpc_endpoints_and_private_ranges_a_policy_approves_are_not_from_outside()
    {
        // The recommended policy with --vpce and --vpc-source-cidr lets callers inside the VPC through;
        // those requests carry no aws:SourceIp. Only an endpoint and range nobody approved count as outside.
        var account = new TestAccount().Group("Admins", "aws:AdministratorAccess", "force-mfa-recommended", "ip-recommended-vpce").User("alice", ["Admins"]);
        Assert.Empty(account.Findings("ip_restriction_enforced"));
    }

    [Fact]
    public void A_request_through_any_vpc_endpoint_is_from_outside()
    {
        // Exempting every VPC endpoint (Null aws:SourceVpce "true") lets stolen keys in through an endpoint
        // in anybody's VPC; such requests carry no aws:SourceIp (spec iam-evaluation.md §8.2).
        var account = new TestAccount().Group("Admins", "aws:AdministratorAccess", "ip-any-vpc-endpoint").User("alice", ["Admins"]);
        var finding = Assert.Single(account.Findings("ip_restriction_enforced"));
        Assert.Null(finding.Counterexample!.Request.Context.Find("aws:SourceIp"));
        Assert.Contains("aws:SourceIp", finding.Counterexample.AbsentKeys);
    }

    [Fact]
    public void Non_admins_are_out_of_the_default_scope_but_in_all_users_scope()
    {
        var account = new TestAccount().Group("ReadOnly", "aws:ReadOnlyAccess").User("erin", ["ReadOnly"]);
        Assert.Empty(account.Findings("ip_restriction_enforced"));
        account.Config = account.Config with { IpRestriction = new IpRestrictionSettings { Scope = IpRestrictionScope.AllUsers } };
        Assert.Single(account.Findings("ip_restriction_enforced"));
    }

    [Fact]
    public void A_permissions_boundary_that_removes_admin_rights_takes_the_user_out_of_scope()
    {
        var account = new TestAccount().Group("Ops", "aws:IAMFullAccess").User("rupert", ["Ops"], boundary: "boundary-read-only");
        Assert.Empty(account.Findings("ip_restriction_enforced"));
    }

    [Fact]
    public void A_deny_in_the_boundary_removes_admin_rights_too()
    {
        var account = new TestAccount().Group("Ops", "aws:IAMFullAccess").User("sybil", ["Ops"], boundary: "boundary-deny-iam");
        Assert.Empty(account.Findings("ip_restriction_enforced"));
    }

    [Fact]
    public void Break_glass_users_are_exempt_from_the_ip_check()
    {
        var account = new TestAccount().Group("Emergency", "aws:AdministratorAccess").User("glass", ["Emergency"]);
        Assert.Empty(account.Findings("ip_restriction_enforced"));
    }

    [Fact]
    public void Without_approved_networks_the_check_says_it_could_not_run()
    {
        var account = new TestAccount().Group("Ops", "aws:IAMFullAccess").User("frank", ["Ops"]);
        account.Config = account.Config with { AllowedCidrs = [] };
        var finding = Assert.Single(account.Findings("ip_restriction_enforced"));
        Assert.Equal(IamHarden.Analysis.Audit.Severity.Info, finding.Severity);
    }

    [Fact]
    public void Broad_private_and_catch_all_ranges_are_reported()
    {
        var account = new TestAccount().Group("C", "ip-too-broad").User("peggy", ["C"]);
        var finding = Assert.Single(account.Findings("ip_allowlist_too_broad"));
        Assert.Contains("0.0.0.0/0 contains every address", finding.Message.En);
        Assert.Contains("10.0.0.0/8 is a private range", finding.Message.En);
        Assert.Contains("100.0.0.0/8 covers 16,777,216 addresses", finding.Message.En);
        account.Config = account.Config with { AllowedCidrs = ["0.0.0.0/0"] };
        Assert.Equal(2, account.Findings("ip_allowlist_too_broad").Count);
    }

    [Fact]
    public void Specific_ranges_are_fine()
    {
        var account = new TestAccount().Group("Admins", "ip-recommended").User("alice", ["Admins"]);
        Assert.Empty(account.Findings("ip_allowlist_too_broad"));
    }

    [Fact]
    public void An_ip_deny_without_the_service_guard_breaks_service_calls()
    {
        var account = new TestAccount().Group("Auditors", "aws:SecurityAudit", "ip-guide").User("olivia", ["Auditors"]);
        var finding = Assert.Single(account.Findings("ip_restriction_breaks_service_calls"));
        Assert.Equal("true", finding.Counterexample!.Request.Context.Find("aws:ViaAWSService")?[0]);
        Assert.Equal("olivia", finding.Counterexample.UserName);
        Assert.Empty(new TestAccount().Group("Admins", "ip-recommended").User("alice", ["Admins"]).Findings("ip_restriction_breaks_service_calls"));
    }
}
