using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using IamHarden.Aws.CliJson;

namespace IamHarden.Aws;

/// <summary>
/// Writes an account snapshot directory from a live account: the files the AWS CLI writes for
/// get-account-authorization-details, get-account-summary, get-account-password-policy (absent when there is no
/// policy) and list-virtual-mfa-devices, byte for byte, plus a freshly generated, decoded credential report.
/// Everything is fetched before anything is written, so a failure never leaves half a snapshot; independent calls run
/// concurrently within the transport's limit on requests in flight.
/// </summary>
public sealed class SnapshotCollector
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly IamClient _iam;
    private readonly SnapshotCollectOptions _options;
    private readonly CliResponseConverter _converter;

    public SnapshotCollector(IamClient iam, SnapshotCollectOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(iam);
        _iam = iam;
        _options = options ?? new SnapshotCollectOptions();
        _converter = new CliResponseConverter(_options.TimestampFormat);
    }

    /// <summary>Collects the snapshot into <paramref name="outputDirectory"/> (created when missing).</summary>
    /// <exception cref="SnapshotDirectoryNotEmptyException">The directory holds files and overwriting was not allowed.</exception>
    /// <exception cref="AwsException">An AWS call failed after its retries; nothing was written.</exception>
    public async Task<SnapshotCollectResult> CollectAsync(
        string outputDirectory, IProgress<CollectProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var directory = Path.GetFullPath(outputDirectory);
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any() && !_options.Overwrite)
            throw new SnapshotDirectoryNotEmptyException(directory);

        var clock = Stopwatch.StartNew();
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = failFast.Token;

        var summaryTask = Guard(FetchSummaryAsync(progress, token), failFast);
        var expectedPrincipalsTask = ExpectedPrincipalsAsync(summaryTask);
        var detailsTask = Guard(FetchAuthorizationDetailsAsync(expectedPrincipalsTask, progress, token), failFast);
        var reportTask = Guard(FetchCredentialReportAsync(progress, token), failFast);
        var passwordTask = Guard(FetchPasswordPolicyAsync(progress, token), failFast);
        var mfaTask = Guard(FetchVirtualMfaDevicesAsync(progress, token), failFast);
        await WhenAllFailFast(cancellationToken, summaryTask, detailsTask, reportTask, passwordTask, mfaTask).ConfigureAwait(false);

        var details = detailsTask.Result;
        var files = new List<(string Name, byte[] Content)>
        {
            (SnapshotFileNames.AuthorizationDetails, Json(details)),
            (SnapshotFileNames.CredentialReport, reportTask.Result.Content),
            (SnapshotFileNames.AccountSummary, Json(summaryTask.Result)),
            (SnapshotFileNames.VirtualMfaDevices, Json(mfaTask.Result)),
        };
        if (passwordTask.Result is { } passwordPolicy)
            files.Add((SnapshotFileNames.PasswordPolicy, Json(passwordPolicy)));

        progress?.Report(new CollectProgress(CollectStep.WriteFiles, false, 0, files.Count, $"Writing {files.Count} files to {directory}"));
        Write(directory, files, removeStalePasswordPolicy: passwordTask.Result is null);
        progress?.Report(new CollectProgress(CollectStep.WriteFiles, true, files.Count, files.Count, "Snapshot written"));

        return new SnapshotCollectResult(
            directory,
            files.Select(f => f.Name).ToList(),
            Count(details, "UserDetailList"),
            Count(details, "GroupDetailList"),
            Count(details, "RoleDetailList"),
            Count(details, "Policies"),
            Count(mfaTask.Result, "VirtualMFADevices"),
            passwordTask.Result is not null,
            reportTask.Result.GeneratedTime,
            clock.Elapsed);
    }

    private async Task<JsonObject> FetchSummaryAsync(IProgress<CollectProgress>? progress, CancellationToken token)
    {
        progress?.Report(new CollectProgress(CollectStep.AccountSummary, false, 0, 1, "Reading the account summary"));
        var response = await _iam.SendAsync(new QueryRequest("GetAccountSummary"), token).ConfigureAwait(false);
        var json = _converter.ConvertStructure(response.RequiredResult, IamCliShapes.GetAccountSummary);
        progress?.Report(new CollectProgress(CollectStep.AccountSummary, true, 1, 1, "Account summary read"));
        return json;
    }

    private static async Task<int?> ExpectedPrincipalsAsync(Task<JsonObject> summaryTask)
    {
        try
        {
            var map = (await summaryTask.ConfigureAwait(false))["SummaryMap"] as JsonObject;
            long total = 0;
            foreach (var key in new[] { "Users", "Groups", "Roles" })
            {
                if (map?[key] is JsonValue value && value.TryGetValue<long>(out var n))
                    total += n;
            }
            return (int)total;
        }
        catch (Exception)
        {
            // The summary's own task reports its failure; the progress total is only a nicety.
            return null;
        }
    }

    private async Task<JsonObject> FetchAuthorizationDetailsAsync(
        Task<int?> expectedTask, IProgress<CollectProgress>? progress, CancellationToken token)
    {
        progress?.Report(new CollectProgress(CollectStep.AuthorizationDetails, false, 0, null, "Reading users, groups, roles and policies"));
        var done = 0;
        int? expected = null;
        void Report(int added)
        {
            var total = Interlocked.Add(ref done, added);
            if (expectedTask.IsCompletedSuccessfully)
                expected = expectedTask.Result;
            progress?.Report(new CollectProgress(CollectStep.AuthorizationDetails, false, total, expected, $"{total} users, groups and roles read"));
        }

        // Each stream fetches one slice of the account; within a slice the pages keep AWS's order, and a slice
        // only contributes its own lists, so the merged file equals what one unfiltered pagination gives.
        (AuthorizationDetailsFilter Filter, string[] Keys)[] streams = _options.ParallelAuthorizationDetails
            ?
            [
                (AuthorizationDetailsFilter.User, ["UserDetailList"]),
                (AuthorizationDetailsFilter.Group, ["GroupDetailList"]),
                (AuthorizationDetailsFilter.Role, ["RoleDetailList"]),
                (AuthorizationDetailsFilter.LocalManagedPolicy | AuthorizationDetailsFilter.AwsManagedPolicy, ["Policies"]),
            ]
            : [(AuthorizationDetailsFilter.All, [.. IamCliShapes.AuthorizationDetailsResultKeys])];

        var slices = await Task.WhenAll(streams.Select(async stream =>
        {
            var pages = new List<JsonObject>();
            await foreach (var page in _iam.GetAccountAuthorizationDetailsPagesAsync(stream.Filter, token).ConfigureAwait(false))
            {
                var json = _converter.ConvertStructure(page.RequiredResult, IamCliShapes.GetAccountAuthorizationDetails);
                pages.Add(json);
                Report(new[] { "UserDetailList", "GroupDetailList", "RoleDetailList" }
                    .Where(stream.Keys.Contains).Sum(key => (json[key] as JsonArray)?.Count ?? 0));
            }
            return CliPageMerger.Merge(pages, stream.Keys);
        })).ConfigureAwait(false);

        var merged = new JsonObject();
        foreach (var key in IamCliShapes.AuthorizationDetailsResultKeys)
        {
            foreach (var slice in slices)
            {
                if (slice[key] is JsonArray list)
                {
                    slice.Remove(key);
                    merged[key] = list;
                }
            }
        }
        progress?.Report(new CollectProgress(CollectStep.AuthorizationDetails, true, done, expected ?? done,
            $"{Count(merged, "UserDetailList")} users, {Count(merged, "GroupDetailList")} groups, " +
            $"{Count(merged, "RoleDetailList")} roles, {Count(merged, "Policies")} managed policies read"));
        return merged;
    }

    private async Task<CredentialReport> FetchCredentialReportAsync(IProgress<CollectProgress>? progress, CancellationToken token)
    {
        progress?.Report(new CollectProgress(CollectStep.CredentialReport, false, 0, 1, "Generating the credential report"));
        var report = await _iam.GetFreshCredentialReportAsync(_options.CredentialReportPollInterval, _options.CredentialReportTimeout, token)
            .ConfigureAwait(false);
        progress?.Report(new CollectProgress(CollectStep.CredentialReport, true, 1, 1, $"Credential report generated at {report.GeneratedTime:u}"));
        return report;
    }

    private async Task<JsonObject?> FetchPasswordPolicyAsync(IProgress<CollectProgress>? progress, CancellationToken token)
    {
        progress?.Report(new CollectProgress(CollectStep.PasswordPolicy, false, 0, 1, "Reading the password policy"));
        JsonObject? json = null;
        try
        {
            var response = await _iam.SendAsync(new QueryRequest("GetAccountPasswordPolicy"), token).ConfigureAwait(false);
            json = _converter.ConvertStructure(response.RequiredResult, IamCliShapes.GetAccountPasswordPolicy);
        }
        catch (AwsApiException e) when (e.IsNoSuchEntity)
        {
            // No password policy: the snapshot says so by leaving the file out.
        }
        progress?.Report(new CollectProgress(CollectStep.PasswordPolicy, true, 1, 1,
            json is null ? "The account has no password policy" : "Password policy read"));
        return json;
    }

    private async Task<JsonObject> FetchVirtualMfaDevicesAsync(IProgress<CollectProgress>? progress, CancellationToken token)
    {
        progress?.Report(new CollectProgress(CollectStep.VirtualMfaDevices, false, 0, null, "Reading virtual MFA devices"));
        var pages = new List<JsonObject>();
        var count = 0;
        await foreach (var page in _iam.PaginateAsync(new QueryRequest("ListVirtualMFADevices"), token).ConfigureAwait(false))
        {
            var json = _converter.ConvertStructure(page.RequiredResult, IamCliShapes.ListVirtualMfaDevices);
            pages.Add(json);
            count += (json["VirtualMFADevices"] as JsonArray)?.Count ?? 0;
            progress?.Report(new CollectProgress(CollectStep.VirtualMfaDevices, false, count, null, $"{count} virtual MFA devices read"));
        }
        progress?.Report(new CollectProgress(CollectStep.VirtualMfaDevices, true, count, count, $"{count} virtual MFA devices read"));
        return CliPageMerger.Merge(pages, IamCliShapes.VirtualMfaDevicesResultKeys);
    }

    private static void Write(string directory, List<(string Name, byte[] Content)> files, bool removeStalePasswordPolicy)
    {
        Directory.CreateDirectory(directory);
        // Each file is written beside its final name and then renamed over it, so a reader never sees half a file.
        foreach (var (name, content) in files)
        {
            var final = Path.Combine(directory, name);
            var temporary = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.tmp");
            try
            {
                File.WriteAllBytes(temporary, content);
                File.Move(temporary, final, overwrite: true);
            }
            finally
            {
                if (File.Exists(temporary))
                    File.Delete(temporary);
            }
        }
        // With --overwrite, a password policy file left from an earlier snapshot would claim a policy that is gone.
        if (removeStalePasswordPolicy)
            File.Delete(Path.Combine(directory, SnapshotFileNames.PasswordPolicy));
    }

    private static byte[] Json(JsonObject json) => Utf8NoBom.GetBytes(PythonJsonWriter.Serialize(json));

    private static int Count(JsonObject json, string key) => (json[key] as JsonArray)?.Count ?? 0;

    /// <summary>Cancels the other fetches as soon as one fails, so a failed collection stops promptly.</summary>
    private static async Task<T> Guard<T>(Task<T> task, CancellationTokenSource failFast)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await failFast.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits for all tasks and rethrows the first real failure rather than a cancellation it caused.</summary>
    private static async Task WhenAllFailFast(CancellationToken callerToken, params Task[] tasks)
    {
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch
        {
            var failure = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException);
            if (failure is not null && !callerToken.IsCancellationRequested)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            throw;
        }
    }
}
