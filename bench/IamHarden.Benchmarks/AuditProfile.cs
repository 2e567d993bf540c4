using System.Diagnostics;
using IamHarden.Analysis.Audit;
using IamHarden.Analysis.Audit.Access;
using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Snapshot;

namespace IamHarden.Benchmarks;

/// <summary>
/// The audit target (issue 5): reads a snapshot, then audits it, once each and cold as the CLI
/// does, and prints both times, their ratio, CPU time and memory. With "questions" it then times
/// each access question on its own (warm), to see where an audit spends its time. Environment
/// switches for finding out why: IAMHARDEN_ALLOCATIONS=1 (allocations by type, each collection),
/// IAMHARDEN_RETAINED=1 (what each step keeps alive; IAMHARDEN_PAUSE_AFTER=STEP waits there for a
/// heap walker), IAMHARDEN_SNAPSHOT_LIVE=1, IAMHARDEN_PAUSE=SECONDS (for dotnet-gcdump).
/// </summary>
public static class AuditProfile
{
    public static void Run(string directory, bool questions)
    {
        var asOf = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var snapshot = SnapshotReader.Read(directory, BundledAwsManagedPolicies.Find);
        var parse = clock.Elapsed;
        var parseCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"parse snapshot: {parse.TotalMilliseconds:N0} ms wall, {parseCpu.TotalMilliseconds:N0} ms CPU ({snapshot.Users.Count:N0} users, {snapshot.Groups.Count:N0} groups, {snapshot.ManagedPolicies.Count:N0} managed policies)");
        // Measuring what the snapshot keeps alive forces a full collection, which the audit would otherwise pay for: only on request.
        if (Environment.GetEnvironmentVariable("IAMHARDEN_SNAPSHOT_LIVE") == "1")
            Console.WriteLine($"  snapshot live: {GC.GetTotalMemory(true) / 1048576:N0} MB (the audit below then starts with it collected)");
        var config = ConfigReader.Read(Path.Combine(directory, "iamharden.yaml"));
        if (Environment.GetEnvironmentVariable("IAMHARDEN_RETAINED") == "1") { Retained(snapshot, config, asOf); return; }
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        int collections = GC.CollectionCount(0), collections1 = GC.CollectionCount(1), collections2 = GC.CollectionCount(2);
        var paused = GC.GetTotalPauseDuration();
        long jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        using var sampler = Environment.GetEnvironmentVariable("IAMHARDEN_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
        sampler?.Start();
        clock.Restart();
        var report = AuditRunner.Run(snapshot, new AuditRunner.Options { Config = config, AsOf = asOf, Access = new SearchAccessAnalyzer(asOf) });
        var audit = clock.Elapsed;
        var auditCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        sampler?.Stop();
        Console.WriteLine($"audit: {audit.TotalMilliseconds:N0} ms wall, {auditCpu.TotalMilliseconds:N0} ms CPU ({report.Findings.Count:N0} findings, {report.Users.Count:N0} users in the matrix); allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576:N0} MB, {GC.CollectionCount(0) - collections} collections ({GC.CollectionCount(1) - collections1} of gen 1, {GC.CollectionCount(2) - collections2} of gen 2), {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:N0} ms paused for GC");
        Console.WriteLine($"  JIT during the audit: {System.Runtime.JitInfo.GetCompiledMethodCount() - jitted:N0} methods compiled in {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:N0} ms (the parse: {jitted:N0} methods, {jitTime.TotalMilliseconds:N0} ms, start-up included)");
        Console.WriteLine($"audit / parse: {audit / parse:0.00} (wall), {auditCpu / parseCpu:0.00} (CPU)");
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576:N0} MB, GC heap now {GC.GetTotalMemory(false) / 1048576:N0} MB, {GC.GetTotalMemory(true) / 1048576:N0} MB live (snapshot and report)");
        sampler?.Print(30);
        if (Environment.GetEnvironmentVariable("IAMHARDEN_PAUSE") is { } seconds)
        {
            // Time to take a heap dump of what the audit keeps: dotnet-gcdump collect -p PID.
            Console.WriteLine($"  process {Environment.ProcessId} waits {seconds} s");
            Thread.Sleep(TimeSpan.FromSeconds(int.Parse(seconds)));
        }
        GC.KeepAlive(report);
        if (!questions) return;
        for (int round = 0; round < 3; round++)
        {
            clock.Restart();
            AuditRunner.Run(snapshot, new AuditRunner.Options { Config = config, AsOf = asOf, Access = new SearchAccessAnalyzer(asOf) });
            Console.WriteLine($"  audit again (warm): {clock.ElapsedMilliseconds:N0} ms");
        }
        for (int round = 0; round < 2; round++)
        {
            clock.Restart();
            SnapshotReader.Read(directory, BundledAwsManagedPolicies.Find);
            Console.WriteLine($"  parse again (warm): {clock.ElapsedMilliseconds:N0} ms");
        }

        {
            var docs = snapshot.ManagedPolicies.Values.Select(m => m.Document)
                .Concat(snapshot.Users.SelectMany(u => u.InlinePolicies).Concat(snapshot.Groups.SelectMany(g => g.InlinePolicies)).Select(i => i.Document)).ToList();
            {
                long before = GC.GetTotalMemory(true), allocatedBefore = GC.GetTotalAllocatedBytes(true);
                var kept = docs.Select(d => IamHarden.Core.Evaluation.CompiledPolicy.Compile(d)).ToList();
                long allocatedNow = GC.GetTotalAllocatedBytes(true);
                Console.WriteLine($"  compiled {kept.Count:N0} documents: {(allocatedNow - allocatedBefore) / 1024.0 / kept.Count:N1} KB allocated and {(GC.GetTotalMemory(true) - before) / 1024.0 / kept.Count:N1} KB retained per document");
                GC.KeepAlive(kept);
            }
            for (int round = 0; round < 3; round++)
            {
                clock.Restart();
                foreach (var d in docs) IamHarden.Core.Evaluation.CompiledPolicy.Compile(d);
                Console.WriteLine($"  compile {docs.Count:N0} documents ({docs.Sum(d => d.Statements.Length):N0} statements): {clock.ElapsedMilliseconds:N0} ms");
            }
        }

        // Each check on a fresh context, in the runner's order: the first check to ask a question pays for it.
        var fresh = new AuditContext(snapshot, config, asOf, new PrincipalPolicies(snapshot, []), new SearchAccessAnalyzer(asOf));
        foreach (var check in AuditChecks.All)
        {
            clock.Restart();
            int count = check.Run(fresh).Count();
            Console.WriteLine($"  check {check.Metadata.Id}: {clock.ElapsedMilliseconds:N0} ms ({count:N0} findings)");
        }

        var policies = new PrincipalPolicies(snapshot, []);
        Console.WriteLine($"distinct policy sets: {snapshot.Users.Select(policies.Fingerprint).Distinct().Count():N0}");
        var context = new AuditContext(snapshot, config, asOf, policies, new SearchAccessAnalyzer(asOf));
        void Time(string name, Action<IamUser> question)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            clock.Restart();
            foreach (var user in snapshot.Users) question(user);
            Console.WriteLine($"  {name}: {clock.ElapsedMilliseconds:N0} ms, allocated {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576:N0} MB");
        }
        Time("allowed without MFA (console)", u => context.AllowedWithoutMfa(u, CredentialKind.ConsoleSession));
        Time("allowed without MFA (keys)", u => context.AllowedWithoutMfa(u, CredentialKind.AccessKeys));
        Time("privileged access", u => context.PrivilegedAccess(u));
        Time("allowed from outside", u => context.AllowedFromOutside(u));
        Time("enrolment denied", u => context.EnrollmentDenied(u, includePasswordReset: true));
    }

    /// <summary>
    /// What the audit keeps alive, step by step (each step's live heap after a full collection):
    /// what survives is what the garbage collector copies and marks, so it sets most of its cost.
    /// </summary>
    private static void Retained(AccountSnapshot snapshot, IamHardenConfig config, DateTimeOffset asOf)
    {
        long last = GC.GetTotalMemory(true);
        var pauseAfter = Environment.GetEnvironmentVariable("IAMHARDEN_PAUSE_AFTER");
        void Step(string name)
        {
            long now = GC.GetTotalMemory(true);
            Console.WriteLine($"  {name}: +{(now - last) / 1048576.0:N1} MB live ({now / 1048576.0:N1} MB)");
            last = now;
            if (pauseAfter is not null && name.StartsWith(pauseAfter, StringComparison.Ordinal))
            {
                // Time to count the live objects by type from outside (a heap walker attached to this process).
                Console.WriteLine($"  process {Environment.ProcessId} waits 60 s");
                Thread.Sleep(60_000);
            }
        }
        Step("snapshot");
        var policies = new PrincipalPolicies(snapshot, []);
        foreach (var user in snapshot.Users) policies.For(user);
        Step("effective policies");
        var context = new AuditContext(snapshot, config, asOf, policies, new SearchAccessAnalyzer(asOf));
        foreach (var user in snapshot.Users) context.AllowedWithoutMfa(user, CredentialKind.ConsoleSession);
        Step("allowed without MFA (console)");
        foreach (var user in snapshot.Users) context.AllowedWithoutMfa(user, CredentialKind.AccessKeys);
        Step("allowed without MFA (keys)");
        foreach (var user in snapshot.Users) context.PrivilegedAccess(user);
        Step("privileged access");
        foreach (var user in snapshot.Users) context.AllowedFromOutside(user);
        Step("allowed from outside");
        foreach (var user in snapshot.Users) context.EnrollmentDenied(user, includePasswordReset: true);
        Step("enrolment denied");
        var findings = AuditChecks.All.SelectMany(c => c.Run(context)).ToList();
        Step($"{findings.Count:N0} findings");
        GC.KeepAlive(context);
        GC.KeepAlive(findings);
    }
}
