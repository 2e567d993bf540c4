using System.Globalization;
using System.Text.Json.Nodes;
using IamHarden.Analysis.Snapshot;
using IamHarden.Core.Policy;

namespace IamHarden.Aws.Apply;

/// <summary>
/// Reads what plan/apply need from a live account with read-only calls: STS GetCallerIdentity, one
/// GetAccountAuthorizationDetails sweep (users, groups, customer managed policies with every version), and
/// ListMFADevices for the break-glass users and the caller.
/// </summary>
public static class AccountStateReader
{
    /// <summary>The name the snapshot reader gives the live answer in messages.</summary>
    public const string SourceName = "GetAccountAuthorizationDetails";

    public static async Task<AccountState> ReadAsync(AwsSession session, DesiredState desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(desired);
        var caller = await session.Sts.GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false);
        var details = await session.Iam.GetAccountAuthorizationDetailsAsync(
            AuthorizationDetailsFilter.User | AuthorizationDetailsFilter.Group | AuthorizationDetailsFilter.LocalManagedPolicy,
            CliTimestampFormat.Iso8601, cancellationToken).ConfigureAwait(false);
        var snapshot = SnapshotReader.ReadAuthorizationDetails(System.Text.Encoding.UTF8.GetBytes(details.ToJsonString()), SourceName, BundledAwsManagedPolicies.Find);
        // Servers that leave PolicyName out (moto) would make explanations name an empty policy.
        snapshot = snapshot with
        {
            ManagedPolicies = snapshot.ManagedPolicies.ToDictionary(p => p.Key,
                p => p.Value.Name.Length > 0 ? p.Value : p.Value with { Name = p.Key[(p.Key.LastIndexOf('/') + 1)..] }, StringComparer.Ordinal),
        };
        var partition = caller.Partition?.Name ?? session.Partition.Name;

        var names = new HashSet<string>(desired.Guardrails.Select(g => g.PolicyName), StringComparer.OrdinalIgnoreCase);
        var policies = new Dictionary<string, ManagedPolicyState>(StringComparer.Ordinal);
        foreach (var node in details["Policies"]?.AsArray() ?? [])
            if (node is JsonObject policy && names.Contains(NameOf(policy)))
                policies[policy["Arn"]!.GetValue<string>()] = Read(policy);

        var mfa = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var asked = desired.BreakGlassUsers.Where(n => snapshot.Users.Any(u => u.Name == n)).ToList();
        if (caller.UserName is { } callerName && snapshot.Users.Any(u => u.Arn == caller.Arn)) asked.Add(callerName);
        foreach (var user in asked.Distinct(StringComparer.Ordinal))
            mfa[user] = (await session.Iam.ListMfaDevicesAsync(user, cancellationToken).ConfigureAwait(false)).Select(d => d.SerialNumber).ToList();

        return new AccountState
        {
            Caller = caller,
            Snapshot = snapshot,
            Partition = partition,
            AccountId = caller.Account,
            GuardrailPolicies = policies,
            MfaDevices = mfa,
            ReadAt = DateTimeOffset.UtcNow,
        };
    }

    // moto leaves PolicyName (and Path) out of these entries; the ARN holds both (arn:...:policy/PATH/NAME).
    private static string NameOf(JsonObject policy)
    {
        if (policy["PolicyName"]?.GetValue<string>() is { } name) return name;
        var arn = policy["Arn"]!.GetValue<string>();
        return arn[(arn.LastIndexOf('/') + 1)..];
    }

    private static string PathOf(string arn)
    {
        var resource = arn[(arn.IndexOf(":policy", StringComparison.Ordinal) + ":policy".Length)..];
        return resource[..(resource.LastIndexOf('/') + 1)];
    }

    private static ManagedPolicyState Read(JsonObject policy)
    {
        var arn = policy["Arn"]!.GetValue<string>();
        var versions = new List<PolicyVersionState>();
        foreach (var node in policy["PolicyVersionList"]?.AsArray() ?? [])
        {
            if (node is not JsonObject version) continue;
            var json = version["Document"] switch
            {
                JsonValue text when text.TryGetValue<string>(out var s) => s,
                { } document => document.ToJsonString(),
                null => "",
            };
            var parsed = json.Length == 0 ? null : PolicyParser.Parse(json, arn);
            versions.Add(new PolicyVersionState(
                version["VersionId"]!.GetValue<string>(),
                version["IsDefaultVersion"]?.GetValue<bool>() == true,
                DateTimeOffset.Parse(version["CreateDate"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                parsed is { HasErrors: false } ? parsed.Document : null,
                json));
        }
        return new ManagedPolicyState(arn, NameOf(policy), policy["Path"]?.GetValue<string>() ?? PathOf(arn),
            policy["DefaultVersionId"]?.GetValue<string>() ?? versions.FirstOrDefault(v => v.IsDefault)?.VersionId ?? "", versions);
    }
}
