using IamHarden.Aws;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>`collect`: writes the audit's snapshot directory from a live account, byte for byte what the AWS CLI writes, with a progress display.</summary>
public sealed class CollectCommand : AsyncCommand<CollectSettings>
{
    private static readonly (CollectStep Step, string Label)[] Steps =
    [
        (CollectStep.AccountSummary, "Account summary"),
        (CollectStep.AuthorizationDetails, "Users, groups, roles, policies"),
        (CollectStep.CredentialReport, "Credential report"),
        (CollectStep.PasswordPolicy, "Password policy"),
        (CollectStep.VirtualMfaDevices, "Virtual MFA devices"),
        (CollectStep.WriteFiles, "Writing files"),
    ];

    public override async Task<int> ExecuteAsync(CommandContext context, CollectSettings settings, CancellationToken cancellationToken)
    {
        var directory = settings.Out!;
        if (File.Exists(directory)) throw new UserInputException($"{directory}: is a file; --out needs a directory");
        // Refused before credentials are resolved or anything is fetched: nothing the user has is touched.
        if (!settings.Force && Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new UserInputException($"{directory}: the directory is not empty; choose an empty or new directory, or pass --force to replace the snapshot files in it (other files are left alone)");

        var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        bool live = !Console.IsErrorRedirected && errors.Profile.Capabilities.Interactive;
        var retries = 0;
        using var session = await settings.ConnectAsync(cancellationToken, notice =>
        {
            Interlocked.Increment(ref retries);
            if (!live) Console.Error.WriteLine($"collect: {notice.Operation} attempt {notice.Attempt} failed ({notice.Reason}); retrying in {notice.Delay.TotalSeconds:0.0} s");
        });
        var collector = new SnapshotCollector(session.Iam, new SnapshotCollectOptions
        {
            Overwrite = settings.Force,
            TimestampFormat = settings.Timestamps == "wire" ? CliTimestampFormat.Wire : CliTimestampFormat.Iso8601,
            ParallelAuthorizationDetails = settings.Parallel,
        });

        SnapshotCollectResult result;
        try
        {
            result = live
                ? await CollectWithProgressBarsAsync(errors, collector, directory, () => Volatile.Read(ref retries), cancellationToken)
                : await collector.CollectAsync(directory, new LineProgress(), cancellationToken);
        }
        catch (SnapshotDirectoryNotEmptyException e)
        {
            throw new UserInputException($"{e.Directory}: the directory is not empty; pass --force to replace the snapshot files in it");
        }

        Console.Out.WriteLine($"Wrote {result.FilesWritten.Count} files to {result.Directory} in {result.Elapsed.TotalSeconds:0.0} s: " +
                              $"{result.Users} users, {result.Groups} groups, {result.Roles} roles, {result.ManagedPolicies} managed policies, " +
                              $"{result.VirtualMfaDevices} virtual MFA devices, {(result.HasPasswordPolicy ? "a password policy" : "no password policy")}; " +
                              $"credential report generated {result.CredentialReportGeneratedTime:yyyy-MM-dd HH:mm:ss}Z.");
        Console.Out.WriteLine($"Audit it with: iamharden audit --snapshot {Rendering.SimulateCommandLine.Quote(result.Directory)}");
        return ExitCodes.Success;
    }

    private static async Task<SnapshotCollectResult> CollectWithProgressBarsAsync(IAnsiConsole console, SnapshotCollector collector, string directory,
        Func<int> retries, CancellationToken cancellationToken)
    {
        SnapshotCollectResult? result = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var tasks = Steps.ToDictionary(s => s.Step, s => progress.AddTask(s.Label, maxValue: 1));
                var gate = new object();
                var reporter = new CallbackProgress(report =>
                {
                    lock (gate)
                    {
                        var task = tasks[report.Step];
                        if (report.ItemsExpected is > 0 and var expected) task.MaxValue = expected;
                        task.Value = report.Completed ? task.MaxValue : Math.Min(report.ItemsDone, task.MaxValue - 0.001);
                        var waits = retries();
                        task.Description = Steps.First(s => s.Step == report.Step).Label + (waits > 0 ? $" ({waits} retries)" : "");
                    }
                });
                result = await collector.CollectAsync(directory, reporter, cancellationToken);
                foreach (var task in tasks.Values) task.Value = task.MaxValue;
            });
        return result!;
    }

    /// <summary>Progress as one line per finished step, for logs and redirected output.</summary>
    private sealed class LineProgress : IProgress<CollectProgress>
    {
        public void Report(CollectProgress value)
        {
            if (value.Completed) Console.Error.WriteLine($"collect: {value.Message}");
        }
    }

    private sealed class CallbackProgress(Action<CollectProgress> report) : IProgress<CollectProgress>
    {
        public void Report(CollectProgress value) => report(value);
    }
}
