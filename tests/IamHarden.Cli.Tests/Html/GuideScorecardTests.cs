using IamHarden.Analysis.Audit;
using IamHarden.Cli.Rendering.Html;

namespace IamHarden.Cli.Tests.Html;

/// <summary>The guide's scorecard: the mapping of checks to recommendations (docs/REPORT.md) and its colours.</summary>
public sealed class GuideScorecardTests
{
    [Fact]
    public void Every_check_belongs_to_one_recommendation_except_least_privilege()
    {
        var all = AuditChecks.All.Select(c => c.Metadata.Id).ToList();
        Assert.Equal(GuideScorecard.MappedCheckIds.Count, GuideScorecard.MappedCheckIds.Distinct().Count());
        Assert.All(GuideScorecard.MappedCheckIds, id => Assert.Contains(id, all));
        Assert.Equal(["full_admin_policy"], all.Except(GuideScorecard.MappedCheckIds));
    }

    [Fact]
    public void The_sample_account_scores_as_its_findings_say()
    {
        var report = SampleAudit.Report;
        var items = GuideScorecard.For(report).ToDictionary(i => i.Id);
        Assert.Equal(7, items.Count);

        var mfa = items["mfa-console-users"];
        var expected = report.Findings.Where(f => f.Check.Id is "console_mfa_enabled" or "console_mfa_enforced" or "mfa_enrollment_blocked")
            .Select(f => f.Subject).Distinct().Count();
        Assert.Equal(ScorecardStatus.Red, mfa.Status);
        Assert.Equal(expected, mfa.UsersAffected);
        Assert.Equal(report.Users.Count(u => u.Console), mfa.Population);

        // Only medium and low findings: amber.
        Assert.Equal(ScorecardStatus.Amber, items["credential-hygiene"].Status);
        Assert.Equal(ScorecardStatus.Amber, items["policies-through-groups"].Status);
        // Root findings are about the account, not users.
        Assert.Equal(0, items["root"].UsersAffected);
        Assert.Equal([$"arn:aws:iam::{report.AccountId}:root"], items["root"].OtherSubjects);
        Assert.Equal(["full_admin_policy"], GuideScorecard.UnmappedCheckIds(report));
    }

    [Fact]
    public void No_finding_is_green_and_no_check_run_is_not_checked()
    {
        var report = SampleAudit.Report;
        var onlyRoot = report with
        {
            Findings = [],
            ChecksRun = report.ChecksRun.Where(c => c.Id.StartsWith("root_", StringComparison.Ordinal)).ToList(),
        };
        var items = GuideScorecard.For(onlyRoot).ToDictionary(i => i.Id);
        Assert.Equal(ScorecardStatus.Green, items["root"].Status);
        Assert.Equal(ScorecardStatus.NotChecked, items["mfa-console-users"].Status);
        Assert.Equal(0, items["mfa-console-users"].UsersAffected);
    }
}
