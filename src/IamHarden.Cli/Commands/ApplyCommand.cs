using System.Globalization;
using IamHarden.Aws;
using IamHarden.Aws.Apply;
using IamHarden.Cli.Rendering;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>
/// `apply`: brings the groups to the desired state after the lockout guard and a confirmation, journalling every
/// change; rolls back on failure and says in what state the account is. `apply --rollback JOURNAL` undoes an apply.
/// </summary>
public sealed class ApplyCommand : AsyncCommand<ApplySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ApplySettings settings, CancellationToken cancellationToken)
    {
        // Ctrl+C stops the apply between changes and rolls back what was made; it does not kill the process mid-way.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            Console.Error.WriteLine("apply: stopping after the current call; what was changed will be rolled back");
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return settings.Rollback is { } journal
                ? await RollbackAsync(settings, journal, stop.Token)
                : await ApplyAsync(settings, stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> ApplyAsync(ApplySettings settings, CancellationToken cancellationToken)
    {
        var desired = GuardrailRun.ReadDesired(settings.Config!);
        using var session = await settings.ConnectAsync(cancellationToken);
        var prepared = await GuardrailRun.PrepareAsync(session, desired, settings, cancellationToken);
        var output = Console.Out;
        output.Write(PlanTextRenderer.Render(prepared));
        output.WriteLine();
        if (prepared.IsEmpty)
        {
            output.WriteLine("Nothing to apply.");
            return ExitCodes.Success;
        }
        if (!prepared.Verdict.IsSafe)
        {
            if (!settings.AcceptLockoutRisk)
                throw new UserInputException("apply refused by the lockout guard (see above); nothing was changed. Fix the problems, or pass --i-understand-lockout to apply anyway.");
            Console.Error.WriteLine("apply: --i-understand-lockout given: applying despite the lockout guard's problems above");
        }
        if (!settings.Yes && !Confirm($"Apply these {prepared.Changes.Count} changes to account {prepared.State.AccountId}?"))
            throw new UserInputException("apply cancelled: not confirmed, nothing was changed (pass --yes to apply without asking)");

        var path = settings.Journal ?? $"iamharden-apply-{prepared.State.AccountId}-{DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.jsonl";
        ApplyJournal journal;
        try
        {
            journal = ApplyJournal.Create(path, prepared.State.AccountId, prepared.State.Caller.Arn, settings.EndpointUrl,
                Path.GetFullPath(settings.Config!), prepared.Changes.Count, DateTimeOffset.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{path}: cannot create the journal: {e.Message}");
        }
        output.WriteLine($"Journal: {journal.Path}");
        ApplyOutcome outcome;
        using (journal)
            outcome = await new ApplyExecutor(session.Iam, new StepPrinter(output)).ApplyAsync(prepared.Changes, journal, cancellationToken);

        output.WriteLine();
        if (outcome.Failure is { } failure) output.WriteLine($"Apply failed: {failure}");
        output.WriteLine($"Result: {ApplyExecutor.Describe(outcome)}.");
        foreach (var problem in outcome.Problems) output.WriteLine($"  could not undo {problem}");
        output.WriteLine($"Journal: {journal.Path} (undo with: iamharden apply --rollback {SimulateCommandLine.Quote(journal.Path)})");
        if (outcome.Result != ApplyResult.Applied)
            return outcome.Result == ApplyResult.RolledBack ? ExitCodes.RolledBack : ExitCodes.PartiallyRolledBack;

        if (prepared.Verdict.CallerRestrictedByLastChange)
            foreach (var notice in prepared.Verdict.Notices.Where(n => n.StartsWith("your own restriction", StringComparison.Ordinal)))
                output.WriteLine("Note: " + notice);
        else await VerifyAsync(session, desired, settings, output, cancellationToken);
        return ExitCodes.Success;
    }

    /// <summary>Plans again: right after an apply, IAM should show no change left (it is eventually consistent, so say so if it does).</summary>
    private static async Task VerifyAsync(AwsSession session, DesiredState desired, ApplySettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            var again = await GuardrailRun.PrepareAsync(session, desired, settings, cancellationToken);
            output.WriteLine(again.IsEmpty
                ? "Verified: planning again finds no change left."
                : $"Warning: planning again still finds {again.Changes.Count} change(s); IAM is eventually consistent, so run 'iamharden plan' again in a minute.");
        }
        catch (Exception e) when (e is AwsException or UserInputException)
        {
            output.WriteLine($"Warning: could not verify by planning again: {e.Message}");
        }
    }

    private static async Task<int> RollbackAsync(ApplySettings settings, string path, CancellationToken cancellationToken)
    {
        JournalContents contents;
        try
        {
            contents = JournalReader.Read(path);
        }
        catch (JournalException e)
        {
            throw new UserInputException(e.Message) { IsPositioned = true };
        }
        var output = Console.Out;
        var pending = contents.Entries.Where(e => e.NeedsUndo).Reverse().ToList();
        output.WriteLine($"Journal {contents.Path}: an apply on account {contents.Account} as {contents.Caller}, {(contents.Outcome is { } o ? $"which ended {o}" : "which did not finish (interrupted)")}.");
        if (pending.Count == 0)
        {
            output.WriteLine("Nothing to undo: every change in the journal has been undone already.");
            return ExitCodes.Success;
        }
        output.WriteLine($"{pending.Count} change(s) to undo, newest first:");
        foreach (var entry in pending)
            output.WriteLine($"  {entry.Seq,2}. undo \"{entry.Change.Summary}\"{(entry.Status == ChangeStatus.Done ? "" : " (its outcome is unknown: checked first)")}");

        using var session = await settings.ConnectAsync(cancellationToken);
        var caller = await session.Sts.GetCallerIdentityAsync(cancellationToken);
        if (caller.Account != contents.Account)
            throw new UserInputException($"{path}: the journal is for account {contents.Account}, but the credentials are for account {caller.Account}; nothing was changed");
        if (!settings.Yes && !Confirm($"Undo these {pending.Count} changes in account {contents.Account}?"))
            throw new UserInputException("rollback cancelled: not confirmed, nothing was changed (pass --yes to roll back without asking)");

        var outcome = await new ApplyExecutor(session.Iam, new StepPrinter(output)).RollbackAsync(contents, cancellationToken);
        output.WriteLine();
        output.WriteLine($"Result: {ApplyExecutor.Describe(outcome)}.");
        foreach (var problem in outcome.Problems) output.WriteLine($"  could not undo {problem}");
        return outcome.Result == ApplyResult.RolledBack ? ExitCodes.Success : ExitCodes.PartiallyRolledBack;
    }

    /// <summary>Asks on the terminal; with redirected input, reads one line (so scripts can answer). Only y or yes confirms.</summary>
    private static bool Confirm(string question)
    {
        Console.Out.Write($"{question} [y/N] ");
        Console.Out.Flush();
        var answer = Console.In.ReadLine();
        if (Console.IsInputRedirected) Console.Out.WriteLine(answer ?? "");
        return answer?.Trim().ToLowerInvariant() is "y" or "yes";
    }

    /// <summary>One line per step, in order (synchronous, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class StepPrinter(TextWriter output) : IProgress<ApplyProgress>
    {
        public void Report(ApplyProgress value)
        {
            var line = value.Step switch
            {
                ApplyStep.Starting => null,
                ApplyStep.Done => $"  [{value.Seq}/{value.Total}] {value.Change.Summary}: done",
                ApplyStep.Failed => $"  [{value.Seq}/{value.Total}] {value.Change.Summary}: FAILED: {value.Message}",
                ApplyStep.Undoing => null,
                ApplyStep.Undone => $"  undo [{value.Seq}] {value.Change.Summary}: {value.Message}",
                ApplyStep.UndoFailed => $"  undo [{value.Seq}] {value.Change.Summary}: FAILED: {value.Message}",
                _ => $"  undo [{value.Seq}] {value.Change.Summary}: skipped: {value.Message}",
            };
            if (line is not null) output.WriteLine(line);
        }
    }
}
