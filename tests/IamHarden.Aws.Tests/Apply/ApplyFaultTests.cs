using Amazon.Runtime;
using IamHarden.Aws.Apply;
using IamHarden.Aws.Tests.Infrastructure;

namespace IamHarden.Aws.Tests.Apply;

/// <summary>
/// Apply through <see cref="FaultProxy"/>: throttling, 500s and connection resets are ridden out; a change that keeps
/// failing in the middle of an apply rolls back what was made, so the account ends exactly as before (or, when the
/// undo fails too, the outcome lists exactly what remains); answers lost after IAM acted do not duplicate anything.
/// </summary>
public sealed class ApplyFaultTests(MotoServer moto) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private static readonly HashSet<string> Writes = ["CreatePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "SetDefaultPolicyVersion", "AttachGroupPolicy", "DetachGroupPolicy"];
    private BasicAWSCredentials _caller = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        _caller = await GuardrailAccount.SeedAsync(session.Iam, Timeouts.Default);
        // An outdated Force_MFA on Admins and Ops, so the plan also has a version change and a detach to undo.
        var old = await session.Iam.CreatePolicyAsync("Force_MFA", GuardrailAccount.Fixture("old-force-mfa.json"), cancellationToken: Timeouts.Default);
        await session.Iam.AttachGroupPolicyAsync("Admins", old.Arn, Timeouts.Default);
        await session.Iam.AttachGroupPolicyAsync("Ops", old.Arn, Timeouts.Default);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<AwsSession> Connect(Uri endpoint, AwsRetryOptions? retry = null) => GuardrailAccount.ConnectAsync(endpoint, _caller, retry);

    private async Task<string> FingerprintAsync()
    {
        using var direct = await Connect(moto.Endpoint);
        return await AccountFingerprint.ReadAsync(direct.Iam);
    }

    [Theory]
    [InlineData(ProxyFault.Throttle)]
    [InlineData(ProxyFault.ServerError)]
    [InlineData(ProxyFault.Reset)]
    [InlineData(ProxyFault.Unavailable)]
    public async Task Transient_failures_on_every_write_are_retried_and_the_apply_completes(ProxyFault fault)
    {
        var seen = new Dictionary<string, int>();
        await using var proxy = new FaultProxy(moto.Endpoint, (action, _) =>
        {
            if (!Writes.Contains(action)) return ProxyFault.None;
            lock (seen) return (seen[action] = seen.GetValueOrDefault(action) + 1) <= 2 ? fault : ProxyFault.None;
        });
        using var session = await Connect(proxy.Endpoint);
        var prepared = await ApplyRuns.PrepareAsync(session, "guardrails.yaml");

        var (outcome, _) = await ApplyRuns.ApplyAsync(session, prepared);

        Assert.Equal(ApplyResult.Applied, outcome.Result);
        Assert.True(proxy.Faults >= 2 * Writes.Count(w => prepared.Changes.Any(c => c.Action.IamAction() == "iam:" + w)));
        Assert.True((await ApplyRuns.PrepareAsync(session, "guardrails.yaml")).IsEmpty);
    }

    [Fact]
    public async Task A_change_that_keeps_failing_in_the_middle_rolls_back_everything_before_it()
    {
        var before = await FingerprintAsync();
        // The first attach goes through; the second fails with 500 on each of its three attempts; the rest (the undo) pass.
        int attaches = 0;
        await using var proxy = new FaultProxy(moto.Endpoint, (action, _) =>
            action == "AttachGroupPolicy" && Interlocked.Increment(ref attaches) is >= 2 and <= 4 ? ProxyFault.ServerError : ProxyFault.None);
        using var session = await Connect(proxy.Endpoint, TestSessions.FastRetry with { MaxAttempts = 3 });
        var prepared = await ApplyRuns.PrepareAsync(session, "guardrails.yaml");
        var steps = new List<ApplyProgress>();

        var (outcome, journal) = await ApplyRuns.ApplyAsync(session, prepared, new Recorder(steps));

        Assert.Equal(ApplyResult.RolledBack, outcome.Result);
        Assert.Empty(outcome.InAccount);
        Assert.Contains("failed: iam:AttachGroupPolicy failed: ServiceFailure", outcome.Failure);
        Assert.StartsWith("rolled back: all", ApplyExecutor.Describe(outcome), StringComparison.Ordinal);
        Assert.Equal(before, await FingerprintAsync());
        var read = JournalReader.Read(journal);
        Assert.Equal("rolled-back", read.Outcome);
        Assert.Contains(read.Entries, e => e.Status == ChangeStatus.Failed);
        // Each change was undone newest first, after the failure.
        var undone = steps.Where(s => s.Step == ApplyStep.Undone).Select(s => s.Seq).ToList();
        Assert.Equal(undone.OrderDescending(), undone);
    }

    [Fact]
    public async Task When_the_undo_fails_too_the_outcome_lists_exactly_what_remains()
    {
        // Only the first attach and the first detach get through: the apply stops at the second attach, and undoing
        // the first attach (a detach) and the detach from Ops (an attach) fail as well.
        int attaches = 0, detaches = 0;
        await using var proxy = new FaultProxy(moto.Endpoint, (action, _) =>
            action == "AttachGroupPolicy" && Interlocked.Increment(ref attaches) > 1 ? ProxyFault.ServerError
            : action == "DetachGroupPolicy" && Interlocked.Increment(ref detaches) > 1 ? ProxyFault.ServerError : ProxyFault.None);
        using var session = await Connect(proxy.Endpoint, TestSessions.FastRetry with { MaxAttempts = 2 });
        var prepared = await ApplyRuns.PrepareAsync(session, "guardrails.yaml");

        var (outcome, journal) = await ApplyRuns.ApplyAsync(session, prepared);

        Assert.Equal(ApplyResult.PartiallyRolledBack, outcome.Result);
        Assert.Equal(["attach Force_MFA to group Developers", "detach Force_MFA from group Ops"], outcome.InAccount.Select(c => c.Summary).Order());
        Assert.Contains("PARTIALLY rolled back: 2 change(s) remain in the account: ", ApplyExecutor.Describe(outcome));
        Assert.Equal("partially-rolled-back", JournalReader.Read(journal).Outcome);
        // The account is exactly as the outcome says: those two remain, the version and the new policy are undone.
        var state = await FingerprintAsync();
        var forceMfa = GuardrailAccount.Arn("policy/Force_MFA");
        Assert.Contains(forceMfa, Line(state, "group Developers:"));
        Assert.DoesNotContain(forceMfa, Line(state, "group Ops:"));
        Assert.DoesNotContain("Restrict_Source_IP", state);
        Assert.Contains("DenyAllExceptListedIfNoMFA", Line(state, $"policy {forceMfa}:"));
    }

    private static string Line(string text, string prefix) => text.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public async Task Answers_lost_after_IAM_acted_create_nothing_twice()
    {
        // The first CreatePolicy and CreatePolicyVersion reach moto, which acts, but the answer never comes back; the
        // client retries, gets EntityAlreadyExists (recognised by the apply's tag) and a second version (removed).
        var first = new HashSet<string>();
        await using var proxy = new FaultProxy(moto.Endpoint, (action, _) =>
        {
            lock (first) return action is "CreatePolicy" or "CreatePolicyVersion" && first.Add(action) ? ProxyFault.ResetAfterForward : ProxyFault.None;
        });
        using var session = await Connect(proxy.Endpoint);

        var (outcome, _) = await ApplyRuns.ApplyAsync(session, await ApplyRuns.PrepareAsync(session, "guardrails.yaml"));

        Assert.Equal(ApplyResult.Applied, outcome.Result);
        Assert.Equal(2, proxy.Faults);
        // v2 came from the lost attempt and was deleted; the retry's version is the default.
        var versions = await session.Iam.ListPolicyVersionsAsync(GuardrailAccount.Arn("policy/Force_MFA"), Timeouts.Default);
        Assert.Equal(["v1", "v3"], versions.Select(v => v.VersionId).Order());
        Assert.Equal("v3", Assert.Single(versions, v => v.IsDefaultVersion).VersionId);
        Assert.True((await ApplyRuns.PrepareAsync(session, "guardrails.yaml")).IsEmpty);
    }

    [Fact]
    public async Task A_finished_apply_is_rolled_back_from_its_journal_and_a_second_rollback_changes_nothing()
    {
        var before = await FingerprintAsync();
        using var session = await Connect(moto.Endpoint);
        var (applied, journal) = await ApplyRuns.ApplyAsync(session, await ApplyRuns.PrepareAsync(session, "guardrails.yaml"));
        Assert.Equal(ApplyResult.Applied, applied.Result);
        Assert.NotEqual(before, await FingerprintAsync());

        var rollback = await new ApplyExecutor(session.Iam).RollbackAsync(JournalReader.Read(journal), Timeouts.Default);
        Assert.Equal(ApplyResult.RolledBack, rollback.Result);
        Assert.Equal(applied.InAccount.Count, rollback.Undone.Count);
        Assert.Equal(before, await FingerprintAsync());
        Assert.Equal("rolled-back", JournalReader.Read(journal).Outcome);

        var again = await new ApplyExecutor(session.Iam).RollbackAsync(JournalReader.Read(journal), Timeouts.Default);
        Assert.Equal(ApplyResult.RolledBack, again.Result);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task An_apply_interrupted_after_sending_a_change_is_rolled_back_from_its_journal()
    {
        var before = await FingerprintAsync();
        using var session = await Connect(moto.Endpoint);
        var prepared = await ApplyRuns.PrepareAsync(session, "guardrails.yaml");
        var path = Path.Combine(TestEnvironment.NewDirectory("journal"), "apply.jsonl");
        using (var journal = ApplyJournal.Create(path, prepared.State.AccountId, prepared.State.Caller.Arn, null, null, prepared.Changes.Count, DateTimeOffset.UtcNow))
            await new ApplyExecutor(session.Iam).ApplyAsync(prepared.Changes.Take(3).ToList(), journal, Timeouts.Default);
        // As if the process had died right after sending change 3: its "done" record and the end are missing.
        var lines = File.ReadAllLines(path).Where(l => !l.Contains("\"type\":\"end\"") && !l.Contains("\"type\":\"done\",\"seq\":3")).ToArray();
        File.WriteAllLines(path, lines);
        var read = JournalReader.Read(path);
        Assert.Null(read.Outcome);
        Assert.Equal(ChangeStatus.Intended, read.Entries[2].Status);

        var rollback = await new ApplyExecutor(session.Iam).RollbackAsync(read, Timeouts.Default);

        Assert.Equal(ApplyResult.RolledBack, rollback.Result);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task Rollback_leaves_a_version_that_someone_changed_since_and_says_so()
    {
        using var session = await Connect(moto.Endpoint);
        var (_, journal) = await ApplyRuns.ApplyAsync(session, await ApplyRuns.PrepareAsync(session, "guardrails.yaml"));
        var arn = GuardrailAccount.Arn("policy/Force_MFA");
        await session.Iam.CreatePolicyVersionAsync(arn, GuardrailAccount.Fixture("old-force-mfa.json").Replace("iam:GetUser", "iam:GetUser\", \"iam:ListUsers"), setAsDefault: true, Timeouts.Default);

        var rollback = await new ApplyExecutor(session.Iam).RollbackAsync(JournalReader.Read(journal), Timeouts.Default);

        Assert.Equal(ApplyResult.PartiallyRolledBack, rollback.Result);
        Assert.Contains(rollback.Problems, p => p.Contains("the default version is now v3, set by someone else since; left as is", StringComparison.Ordinal));
        Assert.Equal(ChangeAction.CreatePolicyVersion, Assert.Single(rollback.InAccount).Action);
    }

    [Fact]
    public async Task Cancelling_while_a_change_is_in_flight_waits_for_its_answer_and_rolls_everything_back()
    {
        // Ctrl+C while the attach is on its way to IAM. Aborting the call would leave its outcome unknown, and the undo's
        // look at the account could come before IAM acts on it: "never attached", then attached anyway. So apply waits for
        // the answer, stops before the next change, and undoes what it made, the attach included.
        var before = await FingerprintAsync();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var forwarded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int held = 0;
        await using var proxy = new FaultProxy(moto.Endpoint, (_, _) => ProxyFault.None, async (action, _) =>
        {
            if (action != "AttachGroupPolicy" || Interlocked.Increment(ref held) != 1) return;
            arrived.SetResult();
            await release.Task;
            forwarded.SetResult();
        });
        using var session = await Connect(proxy.Endpoint);
        var prepared = await ApplyRuns.PrepareAsync(session, "mfa-only-developers.yaml");
        Assert.Equal(ChangeAction.AttachGroupPolicy, prepared.Changes[^1].Action);
        var path = Path.Combine(TestEnvironment.NewDirectory("journal"), "apply.jsonl");
        using var journal = ApplyJournal.Create(path, prepared.State.AccountId, prepared.State.Caller.Arn, null, null, prepared.Changes.Count, DateTimeOffset.UtcNow);
        using var stop = new CancellationTokenSource();

        var applying = new ApplyExecutor(session.Iam).ApplyAsync(prepared.Changes, journal, stop.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        var finishedWhileHeld = await Task.WhenAny(applying, Task.Delay(TimeSpan.FromSeconds(2))) == applying;
        release.SetResult();
        await forwarded.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var outcome = await applying.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.False(finishedWhileHeld, "apply gave up on a call that was on its way to IAM");
        Assert.Equal(ApplyResult.RolledBack, outcome.Result);
        Assert.Equal(prepared.Changes.Count, outcome.Undone.Count);
        Assert.Equal(before, await FingerprintAsync());
        var read = JournalReader.Read(path);
        Assert.Equal(ChangeStatus.Done, read.Entries[^1].Status);
        Assert.All(read.Entries, e => Assert.Equal(UndoStatus.Undone, e.Undo));
    }

    /// <summary>Records progress synchronously, in order.</summary>
    private sealed class Recorder(List<ApplyProgress> steps) : IProgress<ApplyProgress>
    {
        public void Report(ApplyProgress value) => steps.Add(value);
    }
}
