using System.Diagnostics;
using System.Globalization;
using IamHarden.Aws.Tests.Infrastructure;
using Xunit.Abstractions;

namespace IamHarden.Aws.Tests.Benchmarks;

/// <summary>
/// Times collect on a moto account of N users (each in a group, with an inline policy, an access key, a console
/// password and an MFA device). Opt-in, because seeding takes a while:
/// <c>IAMHARDEN_COLLECT_BENCH_USERS=500 dotnet test tests/IamHarden.Aws.Tests --filter CollectBenchmark</c>.
/// </summary>
public sealed class CollectBenchmark(MotoServer moto, ITestOutputHelper output) : IClassFixture<MotoServer>
{
    [SkippableFact]
    public async Task Collect_a_large_account()
    {
        var setting = Environment.GetEnvironmentVariable("IAMHARDEN_COLLECT_BENCH_USERS");
        Skip.If(string.IsNullOrEmpty(setting), "Set IAMHARDEN_COLLECT_BENCH_USERS to run the collect benchmark.");
        var users = int.Parse(setting!, CultureInfo.InvariantCulture);
        var ct = Timeouts.Token(TimeSpan.FromMinutes(30));

        await moto.ResetAsync();
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        var seeding = Stopwatch.StartNew();
        var doc = File.ReadAllText(TestEnvironment.Fixture("Seed/ip-restriction.json"));
        for (var g = 0; g < 10; g++)
            await session.Iam.SendAsync(new QueryRequest("CreateGroup").Add("GroupName", $"group-{g}"), ct);
        await Parallel.ForEachAsync(Enumerable.Range(0, users), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
        {
            var name = $"user-{i:D5}";
            await session.Iam.SendAsync(new QueryRequest("CreateUser").Add("UserName", name).Add("Path", $"/team-{i % 7}/"), token);
            await session.Iam.SendAsync(new QueryRequest("AddUserToGroup").Add("GroupName", $"group-{i % 10}").Add("UserName", name), token);
            await session.Iam.SendAsync(new QueryRequest("PutUserPolicy").Add("UserName", name).Add("PolicyName", "ip").Add("PolicyDocument", doc), token);
            await session.Iam.SendAsync(new QueryRequest("CreateAccessKey").Add("UserName", name), token);
            await session.Iam.SendAsync(new QueryRequest("CreateLoginProfile").Add("UserName", name).Add("Password", "Correct-Horse-9!"), token);
            await session.Iam.SendAsync(new QueryRequest("CreateVirtualMFADevice").Add("VirtualMFADeviceName", name), token);
        });
        output.WriteLine($"seeded {users} users in {seeding.Elapsed.TotalSeconds:0.0} s");

        foreach (var parallel in new[] { false, true })
        {
            var directory = TestEnvironment.NewDirectory("bench");
            var result = await new SnapshotCollector(session.Iam, new SnapshotCollectOptions
            {
                ParallelAuthorizationDetails = parallel,
                CredentialReportPollInterval = TimeSpan.FromMilliseconds(200),
            }).CollectAsync(directory, cancellationToken: ct);
            var bytes = Directory.GetFiles(directory).Sum(f => new FileInfo(f).Length);
            output.WriteLine($"collect (parallel authorization details: {parallel}): {result.Elapsed.TotalSeconds:0.00} s, " +
                             $"{result.Users} users, {result.VirtualMfaDevices} MFA devices, {bytes / 1024} KiB written");
            Assert.Equal(users, result.Users);
        }

        var cli = Stopwatch.StartNew();
        await AwsCli.RunAsync(moto.Endpoint, CliTimestampFormat.Iso8601, "iam", "get-account-authorization-details");
        output.WriteLine($"aws iam get-account-authorization-details alone: {cli.Elapsed.TotalSeconds:0.00} s");

        // plan and apply on the same account: MFA for half the groups, the IP restriction for one.
        var planning = Stopwatch.StartNew();
        var prepared = await ApplyRuns.PrepareAsync(session, "bench-guardrails.yaml");
        output.WriteLine($"plan (read the account, plan, lockout guard): {planning.Elapsed.TotalSeconds:0.00} s, {prepared.Changes.Count} changes " +
                         $"affecting {prepared.Changes.SelectMany(c => c.Users).Select(u => u.Arn).Distinct().Count()} users, guard problems: {prepared.Verdict.Problems.Count}");
        var applying = Stopwatch.StartNew();
        var (outcome, _) = await ApplyRuns.ApplyAsync(session, prepared);
        output.WriteLine($"apply: {applying.Elapsed.TotalSeconds:0.00} s, {outcome.Result}");
        Assert.Equal(IamHarden.Aws.Apply.ApplyResult.Applied, outcome.Result);
    }
}
