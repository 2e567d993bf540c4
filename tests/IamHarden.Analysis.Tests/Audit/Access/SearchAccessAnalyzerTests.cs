using IamHarden.Analysis.Audit;
using IamHarden.Analysis.Audit.Access;
using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Snapshot;
using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Tests.Audit.Access;

/// <summary>
/// The search's shortcuts (actions no Allow names, resources no Allow matches, denies that read
/// only the question's keys, answers shared by users with the same policies) never lose a request
/// that the evaluator allows, and every request they report is one the evaluator decides as claimed.
/// </summary>
public class SearchAccessAnalyzerTests
{
    [Fact]
    public void A_resource_named_with_the_users_own_name_is_found()
    {
        // The only grant is the user's own home prefix: the example must instantiate ${aws:username}.
        var account = new TestAccount().User("dana", inline: "s3-own-home");
        var finding = Assert.Single(account.Findings("console_mfa_enforced"));
        Assert.Equal("s3:GetObject", finding.Counterexample!.Request.Action);
        Assert.StartsWith("arn:aws:s3:::home/dana/", finding.Counterexample.Request.Resource);
    }

    [Fact]
    public void Actions_spared_by_a_wildcard_in_a_Bool_deny_are_found_for_console_sessions()
    {
        // Deny NotAction ["iam:*MFA*", ...] with Bool: every other action is denied in a console
        // session without MFA (skipped at once), but iam:DeactivateMFADevice is not.
        var account = new TestAccount().Group("Admins", "aws:AdministratorAccess", "force-mfa-bool-wildcard").User("ali", ["Admins"]);
        var finding = Assert.Single(account.Findings("console_mfa_enforced"));
        Assert.Matches("^iam:.*MFA", finding.Counterexample!.Request.Action);
        Assert.Equal("false", finding.Counterexample.Request.Context.Find("aws:MultiFactorAuthPresent")?[0]);
    }

    [Fact]
    public void A_permissions_boundary_limits_what_can_be_found()
    {
        var account = new TestAccount().Group("Admins", "aws:AdministratorAccess").User("bo", ["Admins"], boundary: "boundary-s3-only");
        var finding = Assert.Single(account.Findings("console_mfa_enforced"));
        Assert.StartsWith("s3:", finding.Counterexample!.Request.Action);
        // Nothing in IAM is allowed through the boundary: not an administrator, out of the IP scope.
        Assert.Empty(account.Findings("ip_restriction_enforced"));
    }

    [Fact]
    public void Users_with_the_same_policies_get_their_own_replayed_examples()
    {
        var account = new TestAccount().Group("Dev", "aws:PowerUserAccess").User("u1", ["Dev"]).User("u2", ["Dev"]).User("u3", ["Dev"], path: "/team/");
        var findings = account.Findings("console_mfa_enforced");
        Assert.Equal(3, findings.Count);
        foreach (var finding in findings)
            Assert.Equal(finding.Subject, finding.Counterexample!.Request.Principal.Arn);
    }

    [Fact]
    public void Every_counterexample_of_the_sample_account_replays_as_claimed()
    {
        var asOf = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        var snapshot = SnapshotReader.Read(Fixtures.Sample("account"), BundledAwsManagedPolicies.Find);
        var report = AuditRunner.Run(snapshot, new AuditRunner.Options
        {
            Config = ConfigReader.Read(Fixtures.Sample("iamharden.yaml")),
            AsOf = asOf,
            Access = new SearchAccessAnalyzer(asOf),
        });
        var policies = new PrincipalPolicies(snapshot, []);
        var replayed = 0;
        foreach (var finding in report.Findings.Where(f => f.Counterexample?.UserName is not null))
        {
            var example = finding.Counterexample!;
            var user = snapshot.Users.Single(u => u.Name == example.UserName);
            var decision = PolicyEvaluator.Decide(policies.For(user), example.Request);
            var expected = finding.Check.Id switch
            {
                "mfa_enrollment_blocked" => decision != Decision.Allowed,
                "ip_restriction_breaks_service_calls" => decision == Decision.ExplicitDeny,
                _ => decision == Decision.Allowed,
            };
            Assert.True(expected, $"{finding.Check.Id} for {user.Name}: {example.Request.Action} on {example.Request.Resource} decides {decision}");
            Assert.Equal(user.Arn, example.Request.Principal.Arn);
            replayed++;
        }
        Assert.True(replayed >= 8, $"only {replayed} counterexamples");
    }
}
