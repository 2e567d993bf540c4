namespace IamHarden.Analysis.Tests.Audit.Checks;

public class CredentialChecksTests
{
    [Fact]
    public void Console_user_without_mfa_device_is_reported()
    {
        var account = new TestAccount().User("dave", mfa: false).User("carol").User("bot", console: false, mfa: false, keys: 1);
        var finding = Assert.Single(account.Findings("console_mfa_enabled"));
        Assert.Equal(TestAccount.UserArn("dave"), finding.Subject);
    }

    [Fact]
    public void Policies_on_users_are_reported_with_the_commands_that_remove_them()
    {
        var account = new TestAccount().User("mallory", attached: ["aws:ReadOnlyAccess"], inline: "s3-read").User("carol", groups: ["G"]).Group("G", "aws:ReadOnlyAccess");
        var finding = Assert.Single(account.Findings("policy_attached_to_user"));
        Assert.Equal(TestAccount.UserArn("mallory"), finding.Subject);
        Assert.Contains("detach-user-policy --user-name mallory --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess", finding.FixCommand);
        Assert.Contains("delete-user-policy --user-name mallory --policy-name s3-read", finding.FixCommand);
    }

    [Fact]
    public void Key_only_users_are_automation_that_should_use_roles()
    {
        var account = new TestAccount().User("ci", console: false, mfa: false, keys: 1).User("human", keys: 1).User("idle", console: false, mfa: false);
        Assert.Equal([TestAccount.UserArn("ci")], account.Findings("automation_user").Select(f => f.Subject));
    }

    [Fact]
    public void Console_users_with_access_keys_are_reported()
    {
        var account = new TestAccount().User("bob", keys: 1).User("alice");
        Assert.Equal([TestAccount.UserArn("bob")], account.Findings("console_and_api_keys").Select(f => f.Subject));
    }

    [Fact]
    public void Unused_passwords_and_keys_are_reported_but_new_users_get_their_grace_period()
    {
        var account = new TestAccount()
            .User("stale", passwordLastUsedDaysAgo: 60)
            .User("fresh", passwordLastUsedDaysAgo: 3)
            .User("oldkey", console: false, mfa: false, keys: 1, keyAgeDays: 50, keyLastUsedDaysAgo: 46)
            .User("neverused", console: false, mfa: false, keys: 1, keyAgeDays: 60, keyLastUsedDaysAgo: null)
            .User("newkey", console: false, mfa: false, keys: 1, keyAgeDays: 5, keyLastUsedDaysAgo: null)
            .User("glass", passwordLastUsedDaysAgo: 300);
        var subjects = account.Findings("credentials_unused").Select(f => f.Subject).ToList();
        Assert.Equal([TestAccount.UserArn("neverused"), TestAccount.UserArn("oldkey"), TestAccount.UserArn("stale")], subjects);
    }

    [Fact]
    public void Old_access_keys_are_reported_with_their_age()
    {
        var account = new TestAccount().User("old", console: false, mfa: false, keys: 1, keyAgeDays: 200).User("young", console: false, mfa: false, keys: 1, keyAgeDays: 30);
        var finding = Assert.Single(account.Findings("access_key_not_rotated"));
        Assert.Contains("200 days old", finding.Message.En);
    }

    [Fact]
    public void Two_active_keys_are_reported()
    {
        var account = new TestAccount().User("two", console: false, mfa: false, keys: 2).User("one", console: false, mfa: false, keys: 1);
        Assert.Equal([TestAccount.UserArn("two")], account.Findings("multiple_active_keys").Select(f => f.Subject));
    }
}
