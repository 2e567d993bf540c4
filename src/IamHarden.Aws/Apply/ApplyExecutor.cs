namespace IamHarden.Aws.Apply;

/// <summary>What apply reports as it goes (one report per step, from the calling thread).</summary>
/// <param name="Seq">The change's number (1-based) in the plan.</param>
/// <param name="Total">How many changes the plan has.</param>
/// <param name="Change">The change.</param>
/// <param name="Step">What happened.</param>
/// <param name="Message">Details: the error, or what the undo found.</param>
public sealed record ApplyProgress(int Seq, int Total, PlannedChange Change, ApplyStep Step, string? Message = null);

/// <summary>The steps <see cref="ApplyProgress"/> reports.</summary>
public enum ApplyStep { Starting, Done, Failed, Undoing, Undone, UndoFailed, UndoSkipped }

/// <summary>How an apply or rollback ended, and exactly which changes are in the account afterwards.</summary>
/// <param name="Result">Applied, rolled back, or partially rolled back.</param>
/// <param name="InAccount">The changes that are (or may be) in the account now.</param>
/// <param name="Undone">The changes that were undone (or found never to have taken effect).</param>
/// <param name="Failure">Why apply stopped, when it did.</param>
/// <param name="Problems">Undo steps that failed or were skipped, with the reason.</param>
public sealed record ApplyOutcome(ApplyResult Result, IReadOnlyList<PlannedChange> InAccount, IReadOnlyList<PlannedChange> Undone, string? Failure, IReadOnlyList<string> Problems);

/// <summary>
/// Makes planned changes with IAM calls, journalling each before and after, and undoes them — automatically when a
/// change fails (so the account ends either fully applied or fully rolled back, and the outcome says which), or from a
/// journal later. Undo looks at the account before acting: a change that never took effect is recognised, a policy this
/// apply did not create is never deleted, and a version someone changed since is left alone (and reported).
/// </summary>
public sealed class ApplyExecutor
{
    /// <summary>Tag key on the policies apply creates: the journal id, so rollback deletes only its own.</summary>
    public const string ApplyTag = "iamharden:apply";

    /// <summary>Tag key naming the guardrail of a created policy.</summary>
    public const string GuardrailTag = "iamharden:guardrail";

    private readonly IamClient _iam;
    private readonly IProgress<ApplyProgress>? _progress;
    private readonly TimeProvider _clock;

    public ApplyExecutor(IamClient iam, IProgress<ApplyProgress>? progress = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(iam);
        _iam = iam;
        _progress = progress;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>
    /// Makes the changes in order. On the first failure (after the client's retries) or cancellation, undoes what was
    /// made, newest first, and returns <see cref="ApplyResult.RolledBack"/> or <see cref="ApplyResult.PartiallyRolledBack"/>.
    /// </summary>
    public async Task<ApplyOutcome> ApplyAsync(IReadOnlyList<PlannedChange> changes, ApplyJournal journal, CancellationToken cancellationToken)
    {
        var entries = new List<JournalEntry>();
        for (int i = 0; i < changes.Count; i++)
        {
            var entry = new JournalEntry(i + 1, changes[i]);
            entries.Add(entry);
            journal.Intent(entry.Seq, entry.Change);
            Report(entry, changes.Count, ApplyStep.Starting);
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                // A call on its way to IAM is never aborted: its outcome would be unknown, and the undo's look at the
                // account could come before IAM acts on it ("never made", then made anyway). Cancellation is honoured
                // between changes; each call is still bounded by the client's timeouts and retries.
                entry.CreatedVersionId = await MakeAsync(entry.Change, journal.Id, CancellationToken.None).ConfigureAwait(false);
                entry.Status = ChangeStatus.Done;
                journal.Done(entry.Seq, entry.CreatedVersionId);
                Report(entry, changes.Count, ApplyStep.Done);
            }
            catch (Exception e) when (e is AwsException or OperationCanceledException)
            {
                var reason = e is OperationCanceledException ? "cancelled" : e.Message;
                entry.Status = ChangeStatus.Failed;
                journal.Failed(entry.Seq, reason);
                Report(entry, changes.Count, ApplyStep.Failed, reason);
                return await RollBackAfterAsync(entries, changes.Count, journal, $"change {entry.Seq} ({entry.Change.Summary}) failed: {reason}").ConfigureAwait(false);
            }
            if (cancellationToken.IsCancellationRequested)
                return await RollBackAfterAsync(entries, changes.Count, journal, $"cancelled after change {entry.Seq} ({entry.Change.Summary})").ConfigureAwait(false);
        }
        var applied = new ApplyOutcome(ApplyResult.Applied, changes, [], null, []);
        journal.End(ApplyResult.Applied, Describe(applied), _clock.GetUtcNow());
        return applied;
    }

    /// <summary>Undoes what this run made, newest first, after a failure or a cancellation.</summary>
    private async Task<ApplyOutcome> RollBackAfterAsync(List<JournalEntry> entries, int total, ApplyJournal journal, string failure)
    {
        // The undo must run even when the user cancelled: each call is still bounded by the client's timeouts.
        var outcome = await UndoAsync(entries, total, journal, journalId: journal.Id, madeByThisRun: true, CancellationToken.None).ConfigureAwait(false);
        var result = outcome with { Failure = failure };
        journal.End(result.Result, Describe(result), _clock.GetUtcNow());
        return result;
    }

    /// <summary>Undoes a journalled apply (finished, failed or interrupted), newest change first, appending to its journal.</summary>
    public async Task<ApplyOutcome> RollbackAsync(JournalContents contents, CancellationToken cancellationToken)
    {
        using var journal = ApplyJournal.Append(contents.Path, contents.Id);
        var outcome = await UndoAsync(contents.Entries.ToList(), contents.Entries.Count, journal, contents.Id, madeByThisRun: false, cancellationToken).ConfigureAwait(false);
        journal.End(outcome.Result, Describe(outcome), _clock.GetUtcNow());
        return outcome;
    }

    /// <summary>A sentence that says in what state the account is.</summary>
    public static string Describe(ApplyOutcome outcome) => outcome.Result switch
    {
        ApplyResult.Applied => $"applied: all {outcome.InAccount.Count} changes were made; the account is in the desired state",
        ApplyResult.RolledBack => $"rolled back: {(outcome.Undone.Count == 0 ? "nothing had changed" : $"all {outcome.Undone.Count} changes made were undone")}; the account is as before the apply",
        _ => $"PARTIALLY rolled back: {outcome.InAccount.Count} change(s) remain in the account: " +
             string.Join("; ", outcome.InAccount.Select(c => c.Summary)),
    };

    // ---- Making changes -------------------------------------------------------------------------------------------

    private async Task<string?> MakeAsync(PlannedChange change, string journalId, CancellationToken ct)
    {
        switch (change.Action)
        {
            case ChangeAction.CreatePolicy:
                try
                {
                    await _iam.CreatePolicyAsync(change.PolicyName, change.DocumentJson!, change.Path,
                        $"IamHarden guardrail: {change.Guardrail.Describe()} (managed by iamharden apply)",
                        [new IamTag(ApplyTag, journalId), new IamTag(GuardrailTag, change.Guardrail.ConfigKey())], ct).ConfigureAwait(false);
                }
                catch (AwsApiException e) when (e.Code == AwsErrorCodes.EntityAlreadyExists)
                {
                    // A retry after an answer was lost: the first attempt created it. Anyone else's policy is an error.
                    if (!await CreatedByAsync(change.PolicyArn, journalId, ct).ConfigureAwait(false)) throw;
                }
                return null;
            case ChangeAction.DeletePolicyVersion:
                try
                {
                    await _iam.DeletePolicyVersionAsync(change.PolicyArn, change.VersionId!, ct).ConfigureAwait(false);
                }
                catch (AwsApiException e) when (e.IsNoSuchEntity)
                {
                    // Already gone (a retry after a lost answer) is fine; a missing policy is not.
                    if ((await VersionIdsAsync(change.PolicyArn, ct).ConfigureAwait(false)).Contains(change.VersionId!)) throw;
                }
                return null;
            case ChangeAction.CreatePolicyVersion:
            {
                var created = await _iam.CreatePolicyVersionAsync(change.PolicyArn, change.DocumentJson!, setAsDefault: true, ct).ConfigureAwait(false);
                // A retried request may have created the version twice: drop copies that are neither old nor the default.
                foreach (var version in await _iam.ListPolicyVersionsAsync(change.PolicyArn, ct).ConfigureAwait(false))
                    if (!version.IsDefaultVersion && version.VersionId != created.VersionId && !change.VersionIdsBefore.Contains(version.VersionId))
                        await _iam.DeletePolicyVersionAsync(change.PolicyArn, version.VersionId, ct).ConfigureAwait(false);
                return created.VersionId;
            }
            case ChangeAction.SetDefaultPolicyVersion:
                await _iam.SetDefaultPolicyVersionAsync(change.PolicyArn, change.VersionId!, ct).ConfigureAwait(false);
                return null;
            case ChangeAction.AttachGroupPolicy:
                await _iam.AttachGroupPolicyAsync(change.GroupName!, change.PolicyArn, ct).ConfigureAwait(false);
                return null;
            default:
                try
                {
                    await _iam.DetachGroupPolicyAsync(change.GroupName!, change.PolicyArn, ct).ConfigureAwait(false);
                }
                catch (AwsApiException e) when (e.IsNoSuchEntity)
                {
                    // Already detached (a retry after a lost answer) is fine; a missing group is not.
                    if (await AttachedAsync(change, ct).ConfigureAwait(false)) throw;
                }
                return null;
        }
    }

    // ---- Undoing changes ------------------------------------------------------------------------------------------

    private async Task<ApplyOutcome> UndoAsync(List<JournalEntry> entries, int total, ApplyJournal journal, string journalId, bool madeByThisRun, CancellationToken ct)
    {
        var problems = new List<string>();
        var neverMade = new HashSet<int>();
        foreach (var entry in Enumerable.Reverse(entries))
        {
            if (!entry.NeedsUndo) continue;
            journal.UndoIntent(entry.Seq);
            Report(entry, total, ApplyStep.Undoing);
            (UndoStatus Status, string Message, bool NeverMade) result;
            try
            {
                result = await UndoAsync(entry, journalId, madeByThisRun, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AwsException or OperationCanceledException)
            {
                result = (UndoStatus.Failed, e is OperationCanceledException ? "cancelled" : e.Message, false);
            }
            if (result.NeverMade) neverMade.Add(entry.Seq);
            entry.Undo = result.Status;
            entry.UndoMessage = result.Message;
            journal.UndoResult(entry.Seq, result.Status, result.Message);
            Report(entry, total, result.Status switch { UndoStatus.Undone => ApplyStep.Undone, UndoStatus.Failed => ApplyStep.UndoFailed, _ => ApplyStep.UndoSkipped }, result.Message);
            if (result.Status != UndoStatus.Undone) problems.Add($"change {entry.Seq} ({entry.Change.Summary}): {result.Message}");
        }
        // A change left alone on purpose (someone else's since) or whose undo failed is still in the account.
        var remaining = entries.Where(e => e.Undo is UndoStatus.Failed || (e.Undo is UndoStatus.Skipped && e.Status == ChangeStatus.Done)).Select(e => e.Change).ToList();
        var undone = entries.Where(e => e.Undo == UndoStatus.Undone && !neverMade.Contains(e.Seq)).Select(e => e.Change).ToList();
        return new ApplyOutcome(remaining.Count == 0 ? ApplyResult.RolledBack : ApplyResult.PartiallyRolledBack, remaining, undone, null, problems);
    }

    /// <summary>Undoes one change; <c>NeverMade</c> is true when the account shows the change never took effect.</summary>
    private async Task<(UndoStatus, string, bool NeverMade)> UndoAsync(JournalEntry entry, string journalId, bool madeByThisRun, CancellationToken ct)
    {
        var change = entry.Change;
        bool certain = entry.Status == ChangeStatus.Done;
        switch (change.Action)
        {
            case ChangeAction.CreatePolicy:
            {
                var policy = await _iam.GetPolicyAsync(change.PolicyArn, ct).ConfigureAwait(false);
                if (policy is null) return (UndoStatus.Undone, "the policy does not exist (it was never created, or is already deleted)", true);
                // Delete only what this apply created: its tag says so (a policy with the same ARN may be someone else's).
                bool ours = policy.Tags.Any(t => t.Key == ApplyTag && t.Value == journalId) || (certain && madeByThisRun && policy.Tags.Count == 0);
                if (!ours) return (UndoStatus.Skipped, $"{change.PolicyArn} was not created by this apply (no {ApplyTag}={journalId} tag); left in place", !certain);
                foreach (var version in await _iam.ListPolicyVersionsAsync(change.PolicyArn, ct).ConfigureAwait(false))
                    if (!version.IsDefaultVersion) await _iam.DeletePolicyVersionAsync(change.PolicyArn, version.VersionId, ct).ConfigureAwait(false);
                await _iam.DeletePolicyAsync(change.PolicyArn, ct).ConfigureAwait(false);
                return (UndoStatus.Undone, $"deleted {change.PolicyArn}", false);
            }
            case ChangeAction.DeletePolicyVersion:
            {
                var ids = await VersionIdsAsync(change.PolicyArn, ct).ConfigureAwait(false);
                if (ids.Contains(change.VersionId!)) return (UndoStatus.Undone, $"version {change.VersionId} was never deleted", true);
                if (change.DocumentJson is null) return (UndoStatus.Failed, $"the journal lacks the document of deleted version {change.VersionId}", false);
                var restored = await _iam.CreatePolicyVersionAsync(change.PolicyArn, change.DocumentJson, setAsDefault: false, ct).ConfigureAwait(false);
                entry.CreatedVersionId = restored.VersionId;
                return (UndoStatus.Undone, $"restored the document of deleted version {change.VersionId} as non-default version {restored.VersionId} (IAM numbers versions itself)", false);
            }
            case ChangeAction.CreatePolicyVersion:
            {
                var policy = await _iam.GetPolicyAsync(change.PolicyArn, ct).ConfigureAwait(false);
                if (policy is null) return (UndoStatus.Failed, $"{change.PolicyArn} no longer exists", false);
                var versions = await _iam.ListPolicyVersionsAsync(change.PolicyArn, ct).ConfigureAwait(false);
                // Ours: the version the journal says was created; when the outcome is unknown, any version added since.
                var added = versions.Where(v => !change.VersionIdsBefore.Contains(v.VersionId))
                    .Where(v => !certain || entry.CreatedVersionId is null || v.VersionId == entry.CreatedVersionId)
                    .Select(v => v.VersionId).ToList();
                var previous = change.PreviousDefaultVersionId!;
                if (policy.DefaultVersionId != previous)
                {
                    if (!added.Contains(policy.DefaultVersionId))
                        return (UndoStatus.Skipped, $"the default version is now {policy.DefaultVersionId}, set by someone else since; left as is", false);
                    if (!versions.Any(v => v.VersionId == previous))
                        return (UndoStatus.Failed, $"the previous default version {previous} no longer exists", false);
                    await _iam.SetDefaultPolicyVersionAsync(change.PolicyArn, previous, ct).ConfigureAwait(false);
                }
                foreach (var id in added)
                    await _iam.DeletePolicyVersionAsync(change.PolicyArn, id, ct).ConfigureAwait(false);
                return (UndoStatus.Undone, added.Count == 0 ? "no new version had been created" : $"made {previous} the default again and deleted {string.Join(", ", added)}", added.Count == 0 && policy.DefaultVersionId == previous);
            }
            case ChangeAction.SetDefaultPolicyVersion:
            {
                var policy = await _iam.GetPolicyAsync(change.PolicyArn, ct).ConfigureAwait(false);
                if (policy is null) return (UndoStatus.Failed, $"{change.PolicyArn} no longer exists", false);
                var previous = change.PreviousDefaultVersionId!;
                if (policy.DefaultVersionId == previous) return (UndoStatus.Undone, $"{previous} is the default", true);
                if (policy.DefaultVersionId != change.VersionId)
                    return (UndoStatus.Skipped, $"the default version is now {policy.DefaultVersionId}, set by someone else since; left as is", false);
                await _iam.SetDefaultPolicyVersionAsync(change.PolicyArn, previous, ct).ConfigureAwait(false);
                return (UndoStatus.Undone, $"made {previous} the default again", false);
            }
            case ChangeAction.AttachGroupPolicy:
                // A call whose outcome is unknown is looked up first: it may never have reached IAM.
                if (!certain && !await AttachedAsync(change, ct).ConfigureAwait(false))
                    return (UndoStatus.Undone, $"{change.PolicyName} was never attached to {change.GroupName}", true);
                try
                {
                    await _iam.DetachGroupPolicyAsync(change.GroupName!, change.PolicyArn, ct).ConfigureAwait(false);
                    return (UndoStatus.Undone, $"detached {change.PolicyName} from {change.GroupName}", false);
                }
                catch (AwsApiException e) when (e.IsNoSuchEntity)
                {
                    return (UndoStatus.Undone, $"{change.PolicyName} is not attached to {change.GroupName}", !certain);
                }
            default:
                if (!certain && await AttachedAsync(change, ct).ConfigureAwait(false))
                    return (UndoStatus.Undone, $"{change.PolicyName} was never detached from {change.GroupName}", true);
                await _iam.AttachGroupPolicyAsync(change.GroupName!, change.PolicyArn, ct).ConfigureAwait(false);
                return (UndoStatus.Undone, $"attached {change.PolicyName} to {change.GroupName} again", false);
        }
    }

    // ---- Helpers --------------------------------------------------------------------------------------------------

    private async Task<bool> CreatedByAsync(string policyArn, string journalId, CancellationToken ct) =>
        await _iam.GetPolicyAsync(policyArn, ct).ConfigureAwait(false) is { } policy && policy.Tags.Any(t => t.Key == ApplyTag && t.Value == journalId);

    private async Task<HashSet<string>> VersionIdsAsync(string policyArn, CancellationToken ct) =>
        (await _iam.ListPolicyVersionsAsync(policyArn, ct).ConfigureAwait(false)).Select(v => v.VersionId).ToHashSet(StringComparer.Ordinal);

    private async Task<bool> AttachedAsync(PlannedChange change, CancellationToken ct) =>
        (await _iam.ListAttachedGroupPoliciesAsync(change.GroupName!, cancellationToken: ct).ConfigureAwait(false)).Any(p => p.PolicyArn == change.PolicyArn);

    private void Report(JournalEntry entry, int total, ApplyStep step, string? message = null) =>
        _progress?.Report(new ApplyProgress(entry.Seq, total, entry.Change, step, message));
}
