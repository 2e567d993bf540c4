using System.Diagnostics;
using IamHarden.Analysis.Audit;
using IamHarden.Analysis.Audit.Access;
using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Snapshot;
using IamHarden.Core.Evaluation;
using Xunit.Abstractions;

namespace IamHarden.Analysis.Tests.Audit.Access;

/// <summary>
/// The evidence for choosing the audit's default analyzer: both analyzers audit the bundled sample
/// account; their findings and per-user statuses are compared, and every counterexample the
/// prover puts into a finding must replay through the evaluator.
/// </summary>
public class AnalyzerComparisonTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static (AuditReport Report, TimeSpan Elapsed) Audit(IAccessAnalyzer analyzer)
    {
        var snapshot = SnapshotReader.Read(Fixtures.Sample("account"), BundledAwsManagedPolicies.Find);
        var config = ConfigReader.Read(Fixtures.Sample("iamharden.yaml"));
        var watch = Stopwatch.StartNew();
        var report = AuditRunner.Run(snapshot, new AuditRunner.Options { Config = config, AsOf = AsOf, Access = analyzer });
        return (report, watch.Elapsed);
    }

    [Fact]
    public void Prover_and_search_agree_on_the_sample_account()
    {
        var (search, searchTime) = Audit(new SearchAccessAnalyzer(AsOf));
        var (prover, proverTime) = Audit(new ProverAccessAnalyzer());
        output.WriteLine($"search {searchTime.TotalSeconds:0.00} s, prover {proverTime.TotalSeconds:0.00} s, {search.Findings.Count} / {prover.Findings.Count} findings");

        static HashSet<string> Keys(AuditReport r) => r.Findings.Select(f => $"{f.Check.Id} {f.Subject} {f.Severity}").ToHashSet();
        var onlySearch = Keys(search).Except(Keys(prover)).ToList();
        var onlyProver = Keys(prover).Except(Keys(search)).ToList();
        foreach (var f in onlySearch) output.WriteLine("only search: " + f);
        foreach (var f in onlyProver) output.WriteLine("only prover: " + f);
        Assert.Empty(onlySearch);
        Assert.Empty(onlyProver);

        static IEnumerable<string> Statuses(AuditReport r) => r.Users.Select(u => $"{u.User.Name} mfa={u.MfaEnforced} ip={u.IpRestricted} admin={u.IsAdmin}");
        Assert.Equal(Statuses(search), Statuses(prover));
    }

    [Fact]
    public void Every_prover_counterexample_in_the_sample_audit_replays()
    {
        var snapshot = SnapshotReader.Read(Fixtures.Sample("account"), BundledAwsManagedPolicies.Find);
        var (report, _) = Audit(new ProverAccessAnalyzer());
        var policies = new PrincipalPolicies(snapshot, []);
        var examples = report.Findings.Where(f => f.Counterexample is { UserName: not null }).ToList();
        Assert.NotEmpty(examples);
        foreach (var finding in examples)
        {
            var example = finding.Counterexample!;
            Assert.True(example.Proven, finding.Check.Id);
            var user = snapshot.Users.Single(u => u.Name == example.UserName);
            var decision = PolicyEvaluator.Decide(policies.For(user), example.Request);
            var expected = finding.Check.Id == "mfa_enrollment_blocked" || finding.Check.Id == "ip_restriction_breaks_service_calls"
                ? decision != Decision.Allowed : decision == Decision.Allowed;
            Assert.True(expected, $"{finding.Check.Id} {user.Name}: {example.Request.Action} {example.Request.Context} is {decision}");
        }
    }
}
