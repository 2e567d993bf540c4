using System.Diagnostics;
using IamHarden.Analysis.Audit;
using IamHarden.Analysis.Audit.Access;
using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Snapshot;

namespace IamHarden.Benchmarks;

/// <summary>Times the phases of an audit (read, compile, each access question, checks) on a snapshot directory.</summary>
public static class AuditProfile
{
    public static void Run(string directory)
    {
        var asOf = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        var clock = Stopwatch.StartNew();
        var snapshot = SnapshotReader.Read(directory, BundledAwsManagedPolicies.Find);
        Console.WriteLine($"read snapshot: {clock.ElapsedMilliseconds} ms ({snapshot.Users.Count} users), GC heap {GC.GetTotalMemory(false) / 1048576} MB");
        var config = ConfigReader.Read(Path.Combine(directory, "iamharden.yaml"));
        clock.Restart();
        var policies = new PrincipalPolicies(snapshot, []);
        var fingerprints = snapshot.Users.Select(policies.Fingerprint).Distinct().Count();
        Console.WriteLine($"effective policies: {clock.ElapsedMilliseconds} ms ({fingerprints} distinct policy sets)");
        var analyzer = new SearchAccessAnalyzer(asOf);
        var context = new AuditContext(snapshot, config, asOf, policies, analyzer);
        void Time(string name, Action<IamUser> question)
        {
            clock.Restart();
            foreach (var user in snapshot.Users) question(user);
            Console.WriteLine($"{name}: {clock.ElapsedMilliseconds} ms");
        }
        Time("allowed without MFA (console)", u => context.AllowedWithoutMfa(u, CredentialKind.ConsoleSession));
        Time("allowed without MFA (keys)", u => context.AllowedWithoutMfa(u, CredentialKind.AccessKeys));
        Time("privileged access", u => context.PrivilegedAccess(u));
        Time("allowed from outside", u => context.AllowedFromOutside(u));
        clock.Restart();
        var report = AuditRunner.Run(snapshot, new AuditRunner.Options { Config = config, AsOf = asOf, Access = analyzer });
        Console.WriteLine($"full audit after warm-up (new context): {clock.ElapsedMilliseconds} ms, {report.Findings.Count} findings");
    }
}
