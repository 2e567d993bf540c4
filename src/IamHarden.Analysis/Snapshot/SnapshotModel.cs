using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Snapshot;

/// <summary>An inline policy and who holds it (a user, group or role).</summary>
public sealed record InlinePolicy(string Name, string HolderArn, PolicyDocument Document);

/// <summary>A managed policy (customer or AWS managed) with its default version's document.</summary>
public sealed record ManagedPolicy(string Arn, string Name, string Path, string DefaultVersionId, PolicyDocument Document, int AttachmentCount, int VersionCount)
{
    /// <summary>AWS managed policies live in the "aws" pseudo-account: arn:aws:iam::aws:policy/...</summary>
    public bool IsAwsManaged => Arn.Contains(":iam::aws:policy/", StringComparison.Ordinal);

    /// <summary>True when the document came from IamHarden's bundled copy of AWS managed policies, not from the snapshot.</summary>
    public bool FromBundledCorpus { get; init; }
}

/// <summary>A reference to an attached managed policy, as the principal lists it.</summary>
public sealed record AttachedPolicy(string Name, string Arn);

/// <summary>An IAM group: its inline and attached policies.</summary>
public sealed record IamGroup(string Name, string Path, string Arn, string GroupId, IReadOnlyList<InlinePolicy> InlinePolicies, IReadOnlyList<AttachedPolicy> AttachedPolicies);

/// <summary>An IAM role (used for the "automation should use roles" advice and for completeness).</summary>
public sealed record IamRole(string Name, string Path, string Arn, string RoleId, PolicyDocument? TrustPolicy,
    IReadOnlyList<InlinePolicy> InlinePolicies, IReadOnlyList<AttachedPolicy> AttachedPolicies, string? PermissionsBoundaryArn, DateTimeOffset? LastUsed);

/// <summary>One access key slot of the credential report.</summary>
public sealed record AccessKeyInfo(int Slot, bool Active, DateTimeOffset? LastRotated, DateTimeOffset? LastUsed, string? LastUsedService, string? LastUsedRegion);

/// <summary>
/// A row of the credential report: password, MFA and access-key facts of one user (or of the
/// root user, "&lt;root_account&gt;"). Sentinel values (N/A, no_information, not_supported) are null dates.
/// </summary>
public sealed record CredentialReportRow(
    string User,
    string Arn,
    DateTimeOffset? UserCreationTime,
    bool? PasswordEnabled,
    DateTimeOffset? PasswordLastUsed,
    DateTimeOffset? PasswordLastChanged,
    bool MfaActive,
    IReadOnlyList<AccessKeyInfo> AccessKeys,
    int LineNumber)
{
    public bool IsRoot => User == "<root_account>";

    // Every check asks; made once. It remembers its source because `with` copies private fields too.
    private (IReadOnlyList<AccessKeyInfo> Source, IReadOnlyList<AccessKeyInfo> Active)? _activeKeys;

    public IReadOnlyList<AccessKeyInfo> ActiveKeys
    {
        get
        {
            if (_activeKeys is { } known && ReferenceEquals(known.Source, AccessKeys)) return known.Active;
            var active = AccessKeys.Where(k => k.Active).ToArray();
            _activeKeys = (AccessKeys, active);
            return active;
        }
    }
}

/// <summary>An IAM user with everything the audit needs: policies, groups, boundary, tags and credentials.</summary>
public sealed record IamUser(
    string Name,
    string Path,
    string Arn,
    string UserId,
    DateTimeOffset? CreateDate,
    IReadOnlyList<string> GroupNames,
    IReadOnlyList<InlinePolicy> InlinePolicies,
    IReadOnlyList<AttachedPolicy> AttachedPolicies,
    string? PermissionsBoundaryArn,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The credential-report row for this user (null when the report does not list it).</summary>
    public CredentialReportRow? Credentials { get; init; }

    public bool HasConsolePassword => Credentials?.PasswordEnabled == true;
    public bool HasMfa => Credentials?.MfaActive == true;
    public IReadOnlyList<AccessKeyInfo> ActiveAccessKeys => Credentials?.ActiveKeys ?? [];
    public bool HasActiveAccessKeys => ActiveAccessKeys.Count > 0;

    // Made once (every question of the audit makes requests as the user); it remembers what it
    // was made from because `with` copies it along.
    private UserCaller? _caller;

    /// <summary>The user as the caller of requests: its principal and the identity keys AWS sets for it.</summary>
    public UserCaller Caller
    {
        get
        {
            if (_caller is { } known && ReferenceEquals(known.Arn, Arn) && ReferenceEquals(known.Name, Name) && ReferenceEquals(known.UserId, UserId)) return known;
            return _caller = new UserCaller(this);
        }
    }

    /// <summary>The user's principal (null when <see cref="Arn"/> is not a principal ARN).</summary>
    public Core.Evaluation.PrincipalIdentity? Principal => Caller.Principal;
}

/// <summary>
/// A user as the caller of requests: the principal, and the values of aws:username, aws:userid
/// and aws:PrincipalArn — one object each, shared by all of the user's requests.
/// </summary>
public sealed class UserCaller
{
    internal UserCaller(IamUser user)
    {
        Name = user.Name;
        UserId = user.UserId;
        Arn = user.Arn;
        Principal = Core.Evaluation.PrincipalIdentity.TryParse(user.Arn, out var parsed) ? parsed : null;
        UserNameValue = Core.Evaluation.ContextValue.Single(user.Name);
        // Snapshots from older tools may lack the id; requests still carry one.
        UserIdValue = Core.Evaluation.ContextValue.Single(user.UserId.Length > 0 ? user.UserId : "AIDAEXAMPLE");
        PrincipalArnValue = Core.Evaluation.ContextValue.Single(user.Arn);
    }

    internal string Name { get; }
    internal string UserId { get; }
    internal string Arn { get; }

    public Core.Evaluation.PrincipalIdentity? Principal { get; }
    public Core.Evaluation.ContextValue UserNameValue { get; }
    public Core.Evaluation.ContextValue UserIdValue { get; }
    public Core.Evaluation.ContextValue PrincipalArnValue { get; }
}

/// <summary>The account password policy (GetAccountPasswordPolicy).</summary>
public sealed record PasswordPolicy(
    int MinimumPasswordLength,
    bool RequireSymbols,
    bool RequireNumbers,
    bool RequireUppercaseCharacters,
    bool RequireLowercaseCharacters,
    bool AllowUsersToChangePassword,
    bool ExpirePasswords,
    int? MaxPasswordAge,
    int? PasswordReusePrevention,
    bool HardExpiry);

/// <summary>A virtual MFA device and the user (or root) it is assigned to.</summary>
public sealed record VirtualMfaDevice(string SerialNumber, string? UserArn, DateTimeOffset? EnableDate);

/// <summary>
/// Everything read from a snapshot directory: the account's principals and policies
/// (authorization-details.json), the credential report, the account summary, the password
/// policy and the virtual MFA devices. Built once, read by every check.
/// </summary>
public sealed record AccountSnapshot(
    string AccountId,
    string Partition,
    IReadOnlyList<IamUser> Users,
    IReadOnlyList<IamGroup> Groups,
    IReadOnlyList<IamRole> Roles,
    IReadOnlyDictionary<string, ManagedPolicy> ManagedPolicies,
    CredentialReportRow? Root,
    IReadOnlyDictionary<string, long> AccountSummary,
    PasswordPolicy? PasswordPolicy,
    IReadOnlyList<VirtualMfaDevice> VirtualMfaDevices,
    IReadOnlyList<SnapshotWarning> Warnings)
{
    public string Directory { get; init; } = "";

    /// <summary>The newest timestamp seen in the snapshot: a fallback for "now" when --as-of is not given.</summary>
    public DateTimeOffset? NewestTimestamp { get; init; }

    /// <summary>ARNs of principals and managed policies whose documents could not be read: verdicts that depend on them are undetermined.</summary>
    public IReadOnlySet<string> UnparsablePolicyHolders { get; init; } = new HashSet<string>();

    public string RootArn => $"arn:{Partition}:iam::{AccountId}:root";

    // The index remembers the list it was built from: `with` copies private fields too, so a copy
    // with other Groups (apply's projection) must not reuse the original's index.
    private GroupIndex? _groupIndex;

    private sealed record GroupIndex(IReadOnlyList<IamGroup> Source, Dictionary<string, IamGroup> ByName);

    /// <summary>The group with this name (names are unique in an account), or null.</summary>
    public IamGroup? FindGroup(string name)
    {
        var index = _groupIndex;
        if (index is null || !ReferenceEquals(index.Source, Groups))
            _groupIndex = index = new(Groups, Groups.DistinctBy(g => g.Name, StringComparer.Ordinal).ToDictionary(g => g.Name, StringComparer.Ordinal));
        return index.ByName.GetValueOrDefault(name);
    }

    /// <summary>
    /// Every customer policy document in the account with the ARN a finding about it names: the
    /// policy's ARN for managed policies, the holder's ARN for inline ones.
    /// </summary>
    public IEnumerable<(string SubjectArn, string Name, IamHarden.Core.Policy.PolicyDocument Document)> CustomerPolicies()
    {
        foreach (var policy in ManagedPolicies.Values.Where(p => !p.IsAwsManaged).OrderBy(p => p.Arn, StringComparer.Ordinal))
            yield return (policy.Arn, policy.Name, policy.Document);
        foreach (var inline in Users.SelectMany(u => u.InlinePolicies).Concat(Groups.SelectMany(g => g.InlinePolicies)).Concat(Roles.SelectMany(r => r.InlinePolicies)))
            yield return (inline.HolderArn, inline.Name + " (inline)", inline.Document);
    }
}

/// <summary>Something the reader tolerated but the user should know (unknown CSV column, stale report, ...).</summary>
public sealed record SnapshotWarning(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: warning: {Message}" : $"{File}: warning: {Message}";
}
