using System.Net;
using IamHarden.Analysis.Configuration;
using IamHarden.Aws.Apply;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Aws.Tests.Infrastructure;

/// <summary>Plan and apply as the CLI does them, for tests: desired state from a fixture config, a journal in scratch.</summary>
internal static class ApplyRuns
{
    public const string OfficeAddress = "203.0.113.10";

    public static DesiredState Desired(string config) => DesiredState.FromConfig(ConfigReader.Read(GuardrailAccount.ConfigPath(config)));

    public static Task<PreparedApply> PrepareAsync(AwsSession session, string config, string? callerIp = OfficeAddress, CallerIpDetector? detector = null,
        params string[] scps) =>
        PreparedApply.PrepareAsync(session, Desired(config), callerIp is null ? null : IPAddress.Parse(callerIp), detector, Timeouts.Default,
            [.. scps.Select(f => CompiledPolicy.Parse(GuardrailAccount.Fixture(f), f, PolicyKind.ServiceControl))]);

    /// <summary>Applies the prepared changes (whatever the guard said) and returns the outcome and the journal's path.</summary>
    public static async Task<(ApplyOutcome Outcome, string Journal)> ApplyAsync(AwsSession session, PreparedApply prepared, IProgress<ApplyProgress>? progress = null)
    {
        var path = Path.Combine(TestEnvironment.NewDirectory("journal"), "apply.jsonl");
        using var journal = ApplyJournal.Create(path, prepared.State.AccountId, prepared.State.Caller.Arn, null, null, prepared.Changes.Count, DateTimeOffset.UtcNow);
        var outcome = await new ApplyExecutor(session.Iam, progress).ApplyAsync(prepared.Changes, journal, Timeouts.Default);
        return (outcome, path);
    }

    public static string Describe(IEnumerable<PlannedChange> changes) => string.Join("\n", changes.Select(c => c.Summary));
}
