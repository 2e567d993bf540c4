using IamHarden.Analysis.Snapshot;

namespace IamHarden.Analysis.Tests.Audit.Checks;

public class RootChecksTests
{
    [Fact]
    public void Root_without_mfa_is_reported()
    {
        Assert.Single(new TestAccount().Summary("AccountMFAEnabled", 0).Findings("root_mfa_enabled"));
        Assert.Empty(new TestAccount().Summary("AccountMFAEnabled", 1).Findings("root_mfa_enabled"));
    }

    [Fact]
    public void Root_with_a_virtual_device_is_not_hardware_mfa()
    {
        var finding = Assert.Single(new TestAccount().RootDevice(isVirtual: true).Findings("root_hardware_mfa"));
        Assert.Equal($"arn:aws:iam::{TestAccount.Account}:root", finding.Subject);
        // No virtual device assigned to root while MFA is on: hardware (or FIDO) key.
        Assert.Empty(new TestAccount().RootDevice(isVirtual: false).Findings("root_hardware_mfa"));
        // Without MFA at all, root_mfa_enabled speaks, not this check.
        Assert.Empty(new TestAccount().Summary("AccountMFAEnabled", 0).RootDevice(isVirtual: true).Findings("root_hardware_mfa"));
    }

    [Fact]
    public void Root_access_keys_are_reported_from_the_summary_or_the_report()
    {
        Assert.Single(new TestAccount().Summary("AccountAccessKeysPresent", 1).Findings("root_access_keys_absent"));
        var rootWithKey = new CredentialReportRow("<root_account>", $"arn:aws:iam::{TestAccount.Account}:root", null, null, null, null, true,
            [new AccessKeyInfo(1, true, TestAccount.AsOf.AddDays(-900), null, null, null), new AccessKeyInfo(2, false, null, null, null, null)], 2);
        Assert.Single(new TestAccount().Root(rootWithKey).Findings("root_access_keys_absent"));
        Assert.Empty(new TestAccount().Findings("root_access_keys_absent"));
    }

    [Fact]
    public void Recent_root_use_is_reported_within_the_threshold()
    {
        CredentialReportRow Root(int daysAgo) => new("<root_account>", $"arn:aws:iam::{TestAccount.Account}:root", null, null, TestAccount.AsOf.AddDays(-daysAgo), null, true,
            [new AccessKeyInfo(1, false, null, null, null, null), new AccessKeyInfo(2, false, null, null, null, null)], 2);
        var finding = Assert.Single(new TestAccount().Root(Root(10)).Findings("root_recently_used"));
        Assert.Contains("10 days", finding.Message.En);
        Assert.Empty(new TestAccount().Root(Root(200)).Findings("root_recently_used"));
    }

    [Fact]
    public void Password_policy_missing_or_weak_is_reported()
    {
        Assert.Contains("no password policy", Assert.Single(new TestAccount().Password(null).Findings("password_policy_weak")).Message.En);
        var weak = new PasswordPolicy(8, true, false, true, true, true, false, null, null, false);
        var message = Assert.Single(new TestAccount().Password(weak).Findings("password_policy_weak")).Message.En;
        Assert.Contains("minimum length 8 < 14", message);
        Assert.Contains("reuse prevention 0 < 24", message);
        Assert.Contains("numbers not required", message);
        Assert.Empty(new TestAccount().Findings("password_policy_weak"));
    }
}
