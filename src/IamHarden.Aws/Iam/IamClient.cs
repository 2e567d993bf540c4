using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using IamHarden.Aws.CliJson;

namespace IamHarden.Aws;

/// <summary>
/// The IAM operations IamHarden uses, as typed calls over hand-built Query requests. List operations follow every
/// page (<c>Marker</c>/<c>IsTruncated</c>) and return all items. Reads that AWS answers with <c>NoSuchEntity</c> for
/// "absent" (the password policy, a policy ARN) return null; every other failure throws an <see cref="AwsException"/>.
/// Calls that act on a user always send <c>UserName</c>, because IAM otherwise acts on the caller.
/// </summary>
public sealed class IamClient
{
    /// <summary>The largest page IAM serves (MaxItems 1..1000): fewer round trips, fewer chances to be throttled.</summary>
    public const int MaxPageSize = 1000;

    private readonly AwsQueryClient _transport;

    public IamClient(AwsQueryClient transport, AwsServiceEndpoint endpoint, int pageSize = MaxPageSize)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        _transport = transport;
        Endpoint = endpoint;
        PageSize = pageSize;
    }

    /// <summary>Where requests go and how they are signed.</summary>
    public AwsServiceEndpoint Endpoint { get; }

    /// <summary>The <c>MaxItems</c> sent with list operations.</summary>
    public int PageSize { get; }

    /// <summary>Sends any IAM operation (for calls without a typed method).</summary>
    public Task<QueryResponse> SendAsync(QueryRequest request, CancellationToken cancellationToken) =>
        _transport.SendAsync(Endpoint, request, cancellationToken);

    /// <summary>Sends any paginated IAM operation page by page; <c>MaxItems</c> is added when the request lacks it.</summary>
    public IAsyncEnumerable<QueryResponse> PaginateAsync(QueryRequest request, CancellationToken cancellationToken) =>
        _transport.PaginateAsync(Endpoint, request.Parameters.Any(p => p.Key == "MaxItems") ? request : request.With("MaxItems", Page), cancellationToken);

    // ---- Account-wide reads -------------------------------------------------------------------------------------

    /// <summary>GetAccountAuthorizationDetails, every page, as raw answers (for callers that convert them themselves).</summary>
    public IAsyncEnumerable<QueryResponse> GetAccountAuthorizationDetailsPagesAsync(AuthorizationDetailsFilter filter, CancellationToken cancellationToken) =>
        PaginateAsync(new QueryRequest("GetAccountAuthorizationDetails").AddList("Filter", FilterNames(filter)), cancellationToken);

    /// <summary>
    /// GetAccountAuthorizationDetails with every page merged, in exactly the JSON form <c>aws iam
    /// get-account-authorization-details</c> prints: <c>UserDetailList</c>, <c>GroupDetailList</c>,
    /// <c>RoleDetailList</c>, <c>Policies</c>, with policy documents decoded into objects.
    /// </summary>
    public async Task<JsonObject> GetAccountAuthorizationDetailsAsync(
        AuthorizationDetailsFilter filter = AuthorizationDetailsFilter.All,
        CliTimestampFormat timestampFormat = CliTimestampFormat.Iso8601,
        CancellationToken cancellationToken = default)
    {
        var converter = new CliResponseConverter(timestampFormat);
        var pages = new List<JsonObject>();
        await foreach (var page in GetAccountAuthorizationDetailsPagesAsync(filter, cancellationToken).ConfigureAwait(false))
            pages.Add(converter.ConvertStructure(page.RequiredResult, IamCliShapes.GetAccountAuthorizationDetails));
        return CliPageMerger.Merge(pages, IamCliShapes.AuthorizationDetailsResultKeys);
    }

    /// <summary>GenerateCredentialReport: starts a report (or reports that a recent one exists).</summary>
    public async Task<CredentialReportGeneration> GenerateCredentialReportAsync(CancellationToken cancellationToken)
    {
        var result = (await SendAsync(new QueryRequest("GenerateCredentialReport"), cancellationToken).ConfigureAwait(false)).RequiredResult;
        return new CredentialReportGeneration(result.RequiredText("State"), result.ChildText("Description"));
    }

    /// <summary>GetCredentialReport: the last generated report, base64-decoded. Throws <see cref="AwsApiException"/>
    /// with <c>ReportNotPresent</c>, <c>ReportExpired</c> or <c>ReportInProgress</c> when there is none to get.</summary>
    public async Task<CredentialReport> GetCredentialReportAsync(CancellationToken cancellationToken)
    {
        var result = (await SendAsync(new QueryRequest("GetCredentialReport"), cancellationToken).ConfigureAwait(false)).RequiredResult;
        byte[] content;
        try
        {
            content = Convert.FromBase64String(result.RequiredText("Content").Trim());
        }
        catch (FormatException e)
        {
            throw new AwsProtocolException("The credential report's Content is not valid base64.", e);
        }
        return new CredentialReport(content, result.ChildText("ReportFormat") ?? "text/csv", result.RequiredDate("GeneratedTime"));
    }

    /// <summary>
    /// Generates a credential report and waits until it is complete, then gets it: polls GenerateCredentialReport
    /// every <paramref name="pollInterval"/> until <c>COMPLETE</c>, and generates again when AWS says the report is
    /// missing or expired. Gives up with <see cref="AwsProtocolException"/> after <paramref name="timeout"/>.
    /// </summary>
    public async Task<CredentialReport> GetFreshCredentialReportAsync(TimeSpan pollInterval, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var generation = await GenerateCredentialReportAsync(cancellationToken).ConfigureAwait(false);
            if (generation.IsComplete)
            {
                try
                {
                    return await GetCredentialReportAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (AwsApiException e) when (e.Code is AwsErrorCodes.ReportInProgress or AwsErrorCodes.ReportNotPresent or AwsErrorCodes.ReportExpired)
                {
                    // Generated but not yet readable, or gone again: go round once more.
                }
            }
            if (DateTimeOffset.UtcNow + pollInterval > deadline)
                throw new AwsProtocolException(
                    $"The credential report was not ready within {timeout.TotalSeconds:0} s (last state: {generation.State}). Try again later.");
            await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>GetAccountSummary.</summary>
    public async Task<AccountSummary> GetAccountSummaryAsync(CancellationToken cancellationToken)
    {
        var result = (await SendAsync(new QueryRequest("GetAccountSummary"), cancellationToken).ConfigureAwait(false)).RequiredResult;
        var entries = result.Members("SummaryMap")
            .Select(entry => new KeyValuePair<string, long>(
                entry.RequiredText("key"),
                long.Parse(entry.RequiredText("value"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)))
            .ToList();
        return new AccountSummary(entries);
    }

    /// <summary>GetAccountPasswordPolicy; null when the account has no password policy (AWS's NoSuchEntity).</summary>
    public async Task<PasswordPolicy?> GetAccountPasswordPolicyAsync(CancellationToken cancellationToken)
    {
        var result = await SendOrAbsentAsync(new QueryRequest("GetAccountPasswordPolicy"), cancellationToken).ConfigureAwait(false);
        return result?.Child("PasswordPolicy") is { } policy ? IamModelReader.PasswordPolicy(policy) : null;
    }

    /// <summary>ListVirtualMFADevices, all pages.</summary>
    public Task<IReadOnlyList<VirtualMfaDevice>> ListVirtualMfaDevicesAsync(
        VirtualMfaAssignmentStatus status = VirtualMfaAssignmentStatus.Any, CancellationToken cancellationToken = default) =>
        ListAsync(new QueryRequest("ListVirtualMFADevices").Add("AssignmentStatus", status.ToString()),
            "VirtualMFADevices", IamModelReader.VirtualMfa, cancellationToken);

    // ---- Managed policies ---------------------------------------------------------------------------------------

    /// <summary>ListPolicies, all pages.</summary>
    public Task<IReadOnlyList<ManagedPolicy>> ListPoliciesAsync(
        PolicyScope scope = PolicyScope.All, bool onlyAttached = false, string? pathPrefix = null, CancellationToken cancellationToken = default) =>
        ListAsync(new QueryRequest("ListPolicies")
                .Add("Scope", scope switch { PolicyScope.Aws => "AWS", PolicyScope.Local => "Local", _ => "All" })
                .Add("OnlyAttached", onlyAttached ? true : null)
                .Add("PathPrefix", pathPrefix),
            "Policies", IamModelReader.Policy, cancellationToken);

    /// <summary>GetPolicy; null when no policy has that ARN.</summary>
    public async Task<ManagedPolicy?> GetPolicyAsync(string policyArn, CancellationToken cancellationToken)
    {
        var result = await SendOrAbsentAsync(new QueryRequest("GetPolicy").Add("PolicyArn", policyArn), cancellationToken).ConfigureAwait(false);
        return result?.Child("Policy") is { } policy ? IamModelReader.Policy(policy) : null;
    }

    /// <summary>GetPolicyVersion, with the document decoded to JSON text.</summary>
    public async Task<ManagedPolicyVersion> GetPolicyVersionAsync(string policyArn, string versionId, CancellationToken cancellationToken)
    {
        var result = (await SendAsync(new QueryRequest("GetPolicyVersion").Add("PolicyArn", policyArn).Add("VersionId", versionId), cancellationToken)
            .ConfigureAwait(false)).RequiredResult;
        return IamModelReader.PolicyVersion(Required(result, "PolicyVersion"));
    }

    /// <summary>ListPolicyVersions, all pages (documents are not included).</summary>
    public Task<IReadOnlyList<ManagedPolicyVersion>> ListPolicyVersionsAsync(string policyArn, CancellationToken cancellationToken) =>
        ListAsync(new QueryRequest("ListPolicyVersions").Add("PolicyArn", policyArn), "Versions", IamModelReader.PolicyVersion, cancellationToken);

    /// <summary>CreatePolicy. <paramref name="policyDocument"/> is the raw JSON text.</summary>
    public async Task<ManagedPolicy> CreatePolicyAsync(
        string policyName, string policyDocument, string? path = null, string? description = null,
        IEnumerable<IamTag>? tags = null, CancellationToken cancellationToken = default)
    {
        var request = new QueryRequest("CreatePolicy")
            .Add("PolicyName", policyName)
            .Add("Path", path)
            .Add("PolicyDocument", policyDocument)
            .Add("Description", description)
            .AddTags((tags ?? []).Select(t => new KeyValuePair<string, string>(t.Key, t.Value)));
        var result = (await SendAsync(request, cancellationToken).ConfigureAwait(false)).RequiredResult;
        return IamModelReader.Policy(Required(result, "Policy"));
    }

    /// <summary>CreatePolicyVersion. AWS answers <c>LimitExceeded</c> when the policy already has five versions.</summary>
    public async Task<ManagedPolicyVersion> CreatePolicyVersionAsync(
        string policyArn, string policyDocument, bool setAsDefault, CancellationToken cancellationToken)
    {
        var request = new QueryRequest("CreatePolicyVersion")
            .Add("PolicyArn", policyArn)
            .Add("PolicyDocument", policyDocument)
            .Add("SetAsDefault", setAsDefault);
        var result = (await SendAsync(request, cancellationToken).ConfigureAwait(false)).RequiredResult;
        return IamModelReader.PolicyVersion(Required(result, "PolicyVersion"));
    }

    /// <summary>DeletePolicyVersion (never the default version: AWS answers <c>DeleteConflict</c>).</summary>
    public Task DeletePolicyVersionAsync(string policyArn, string versionId, CancellationToken cancellationToken) =>
        SendAsync(new QueryRequest("DeletePolicyVersion").Add("PolicyArn", policyArn).Add("VersionId", versionId), cancellationToken);

    /// <summary>SetDefaultPolicyVersion.</summary>
    public Task SetDefaultPolicyVersionAsync(string policyArn, string versionId, CancellationToken cancellationToken) =>
        SendAsync(new QueryRequest("SetDefaultPolicyVersion").Add("PolicyArn", policyArn).Add("VersionId", versionId), cancellationToken);

    /// <summary>DeletePolicy (AWS requires it to be detached everywhere and to have only its default version).</summary>
    public Task DeletePolicyAsync(string policyArn, CancellationToken cancellationToken) =>
        SendAsync(new QueryRequest("DeletePolicy").Add("PolicyArn", policyArn), cancellationToken);

    // ---- Groups -------------------------------------------------------------------------------------------------

    /// <summary>AttachGroupPolicy.</summary>
    public Task AttachGroupPolicyAsync(string groupName, string policyArn, CancellationToken cancellationToken) =>
        SendAsync(new QueryRequest("AttachGroupPolicy").Add("GroupName", groupName).Add("PolicyArn", policyArn), cancellationToken);

    /// <summary>DetachGroupPolicy.</summary>
    public Task DetachGroupPolicyAsync(string groupName, string policyArn, CancellationToken cancellationToken) =>
        SendAsync(new QueryRequest("DetachGroupPolicy").Add("GroupName", groupName).Add("PolicyArn", policyArn), cancellationToken);

    /// <summary>ListAttachedGroupPolicies, all pages.</summary>
    public Task<IReadOnlyList<AttachedPolicy>> ListAttachedGroupPoliciesAsync(
        string groupName, string? pathPrefix = null, CancellationToken cancellationToken = default) =>
        ListAsync(new QueryRequest("ListAttachedGroupPolicies").Add("GroupName", groupName).Add("PathPrefix", pathPrefix),
            "AttachedPolicies", IamModelReader.Attached, cancellationToken);

    /// <summary>GetGroup: the group and all its users (every page). Throws <see cref="AwsApiException"/> with
    /// <c>NoSuchEntity</c> for an unknown group.</summary>
    public async Task<IamGroupMembers> GetGroupAsync(string groupName, CancellationToken cancellationToken)
    {
        IamGroup? group = null;
        var users = new List<IamUser>();
        await foreach (var page in PaginateAsync(new QueryRequest("GetGroup").Add("GroupName", groupName), cancellationToken).ConfigureAwait(false))
        {
            var result = page.RequiredResult;
            group ??= IamModelReader.Group(Required(result, "Group"));
            users.AddRange(result.Members("Users").Select(IamModelReader.User));
        }
        return new IamGroupMembers(group!, users);
    }

    /// <summary>ListGroups, all pages.</summary>
    public Task<IReadOnlyList<IamGroup>> ListGroupsAsync(string? pathPrefix = null, CancellationToken cancellationToken = default) =>
        ListAsync(new QueryRequest("ListGroups").Add("PathPrefix", pathPrefix), "Groups", IamModelReader.Group, cancellationToken);

    /// <summary>ListGroupsForUser, all pages.</summary>
    public Task<IReadOnlyList<IamGroup>> ListGroupsForUserAsync(string userName, CancellationToken cancellationToken) =>
        ListAsync(new QueryRequest("ListGroupsForUser").Add("UserName", RequireName(userName)), "Groups", IamModelReader.Group, cancellationToken);

    /// <summary>ListMFADevices of one user, all pages.</summary>
    public Task<IReadOnlyList<MfaDevice>> ListMfaDevicesAsync(string userName, CancellationToken cancellationToken) =>
        ListAsync(new QueryRequest("ListMFADevices").Add("UserName", RequireName(userName)), "MFADevices", IamModelReader.Mfa, cancellationToken);

    // ---- Helpers ------------------------------------------------------------------------------------------------

    private string Page => PageSize.ToString(CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<T>> ListAsync<T>(
        QueryRequest request, string listName, Func<XElement, T> read, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        await foreach (var page in PaginateAsync(request, cancellationToken).ConfigureAwait(false))
            items.AddRange(page.RequiredResult.Members(listName).Select(read));
        return items;
    }

    private async Task<XElement?> SendOrAbsentAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return (await SendAsync(request, cancellationToken).ConfigureAwait(false)).RequiredResult;
        }
        catch (AwsApiException e) when (e.IsNoSuchEntity)
        {
            return null;
        }
    }

    private static XElement Required(XElement result, string name) =>
        result.Child(name) ?? throw new AwsProtocolException($"AWS's answer lacks <{name}>.");

    private static string RequireName(string userName)
    {
        // An empty UserName would make IAM act on the caller instead of the intended user.
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        return userName;
    }

    internal static IEnumerable<string> FilterNames(AuthorizationDetailsFilter filter)
    {
        if (filter.HasFlag(AuthorizationDetailsFilter.User)) yield return "User";
        if (filter.HasFlag(AuthorizationDetailsFilter.Role)) yield return "Role";
        if (filter.HasFlag(AuthorizationDetailsFilter.Group)) yield return "Group";
        if (filter.HasFlag(AuthorizationDetailsFilter.LocalManagedPolicy)) yield return "LocalManagedPolicy";
        if (filter.HasFlag(AuthorizationDetailsFilter.AwsManagedPolicy)) yield return "AWSManagedPolicy";
    }
}
