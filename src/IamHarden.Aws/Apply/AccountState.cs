using IamHarden.Core.Policy;
using Snapshot = IamHarden.Analysis.Snapshot;

namespace IamHarden.Aws.Apply;

/// <summary>One version of a customer managed policy, with its document when AWS listed it.</summary>
/// <param name="VersionId">v1, v2, ...</param>
/// <param name="IsDefault">Whether it is the version in force.</param>
/// <param name="CreateDate">When it was created (the oldest non-default version is deleted first).</param>
/// <param name="Document">The parsed document; null when it could not be parsed (then it never counts as equal).</param>
/// <param name="DocumentJson">The document as AWS returned it (decoded JSON text), kept so a deleted version can be restored.</param>
public sealed record PolicyVersionState(string VersionId, bool IsDefault, DateTimeOffset CreateDate, PolicyDocument? Document, string DocumentJson);

/// <summary>A customer managed policy whose name a guardrail uses, with every version.</summary>
public sealed record ManagedPolicyState(string Arn, string Name, string Path, string DefaultVersionId, IReadOnlyList<PolicyVersionState> Versions)
{
    /// <summary>The version in force.</summary>
    public PolicyVersionState? DefaultVersion => Versions.FirstOrDefault(v => v.VersionId == DefaultVersionId);
}

/// <summary>
/// The live account as plan/apply see it: who runs the tool, every user and group with their policies (from one
/// GetAccountAuthorizationDetails sweep, read into the audit's snapshot model so the evaluator and the audit's access
/// questions can judge it), the customer managed policies that carry a guardrail's name, and the MFA devices of the
/// break-glass users and the caller.
/// </summary>
public sealed record AccountState
{
    /// <summary>STS GetCallerIdentity.</summary>
    public required CallerIdentity Caller { get; init; }

    /// <summary>Users, groups, roles and managed policies (documents of the default versions).</summary>
    public required Snapshot.AccountSnapshot Snapshot { get; init; }

    /// <summary>The partition (aws, aws-cn, aws-us-gov) of the account's ARNs.</summary>
    public required string Partition { get; init; }

    /// <summary>The 12-digit account id.</summary>
    public required string AccountId { get; init; }

    /// <summary>Customer managed policies whose name equals (ignoring case) a guardrail's policy name, by ARN.</summary>
    public required IReadOnlyDictionary<string, ManagedPolicyState> GuardrailPolicies { get; init; }

    /// <summary>Serial numbers of the MFA devices of the users asked about (break-glass users and the caller), by user name.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> MfaDevices { get; init; }

    /// <summary>When the state was read.</summary>
    public required DateTimeOffset ReadAt { get; init; }

    /// <summary>The caller as a user of this account, when it is one.</summary>
    public Snapshot.IamUser? CallerUser =>
        Caller.UserName is { } name && Caller.Arn.Contains(":iam::", StringComparison.Ordinal)
            ? Snapshot.Users.FirstOrDefault(u => u.Arn == Caller.Arn) ?? Snapshot.Users.FirstOrDefault(u => u.Name == name)
            : null;

    /// <summary>Whether the user has at least one MFA device; null when it was not asked about.</summary>
    public bool? HasMfa(string userName) => MfaDevices.TryGetValue(userName, out var serials) ? serials.Count > 0 : null;
}
