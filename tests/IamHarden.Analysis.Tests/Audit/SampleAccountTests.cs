using IamHarden.Analysis.Audit;
using IamHarden.Analysis.Audit.Access;
using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Snapshot;

namespace IamHarden.Analysis.Tests.Audit;

/// <summary>
/// The bundled sample account (samples/, written by tools/sample/generate-sample.py) shows every
/// check at work, next to users that are clean.
/// </summary>
public class SampleAccountTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static AuditReport Audit() => AuditRunner.Run(SnapshotReader.Read(Fixtures.Sample("account"), BundledAwsManagedPolicies.Find), new AuditRunner.Options
    {
        Config = ConfigReader.Read(Fixtures.Sample("iamharden.yaml")),
        AsOf = AsOf,
        Access = new SearchAccessAnalyzer(AsOf),
    });

    [Fact]
    public void Every_check_fires_on_the_sample_except_the_one_its_root_user_excludes()
    {
        var fired = Audit().Findings.Where(f => f.Severity != Severity.Info).Select(f => f.Check.Id).ToHashSet();
        // The sample's root user has a virtual MFA device (root_hardware_mfa fires), so root_mfa_enabled
        // cannot: one root user either has MFA or has not. Its firing case is in RootChecksTests.
        var expected = AuditChecks.All.Select(c => c.Metadata.Id).Where(id => id != "root_mfa_enabled");
        Assert.Empty(expected.Except(fired));
    }

    [Fact]
    public void The_sample_has_about_thirty_users_and_clean_ones_among_them()
    {
        var report = Audit();
        Assert.InRange(report.Users.Count, 25, 40);
        var flagged = report.Findings.Select(f => f.Subject).ToHashSet();
        var clean = report.Users.Where(u => !flagged.Contains(u.User.Arn)).Select(u => u.User.Name).ToList();
        Assert.True(clean.Count >= 8, "clean users: " + string.Join(", ", clean));
        // A well-protected admin, a developer, a read-only user and a user guarded by a differently named MFA policy.
        Assert.Subset(clean.ToHashSet(), new HashSet<string> { "alice", "carol", "erin", "judy" });
    }

    [Fact]
    public void Decoy_and_differently_named_policies_are_judged_by_what_they_do()
    {
        var report = Audit();
        var enforced = report.Users.ToDictionary(u => u.User.Name, u => u.MfaEnforced);
        // ivan's group has "Force_MFA_Support", which denies only the enrolment actions: not enforced.
        Assert.Equal(GuardStatus.No, enforced["ivan"]);
        // judy's group has "s3-data-guardrail", no MFA in its name, which does enforce MFA.
        Assert.Equal(GuardStatus.Yes, enforced["judy"]);
        // heidi's "Force_MFA_Legacy" uses Bool: her access keys work without MFA.
        Assert.Equal(GuardStatus.No, enforced["heidi"]);
    }
}
