using IamHarden.Core.Policy;

namespace IamHarden.Aws.Apply;

/// <summary>
/// One change plan/apply make, with everything needed to make it, to undo it, and to tell people whom it affects.
/// <see cref="Target"/> is the ARN of what the IAM call changes: the policy for policy and version changes, the
/// group for attach and detach.
/// </summary>
public sealed record PlannedChange
{
    public required ChangeAction Action { get; init; }

    /// <summary>The ARN the call changes (policy or group).</summary>
    public required string Target { get; init; }

    /// <summary>Which guardrail the change serves.</summary>
    public required GuardrailKind Guardrail { get; init; }

    /// <summary>The guardrail policy's ARN.</summary>
    public required string PolicyArn { get; init; }

    /// <summary>The guardrail policy's name.</summary>
    public required string PolicyName { get; init; }

    /// <summary>Why the change is needed, in a sentence.</summary>
    public required string Reason { get; init; }

    /// <summary>The policy path (CreatePolicy).</summary>
    public string? Path { get; init; }

    /// <summary>The group's name (attach, detach).</summary>
    public string? GroupName { get; init; }

    /// <summary>The version acted on: deleted (DeletePolicyVersion) or made default (SetDefaultPolicyVersion).</summary>
    public string? VersionId { get; init; }

    /// <summary>The default version before the change (CreatePolicyVersion, SetDefaultPolicyVersion), restored by undo.</summary>
    public string? PreviousDefaultVersionId { get; init; }

    /// <summary>Every version id before the change (CreatePolicyVersion): undo deletes any version not listed here.</summary>
    public IReadOnlyList<string> VersionIdsBefore { get; init; } = [];

    /// <summary>
    /// The document involved: the new document (CreatePolicy, CreatePolicyVersion), the one made default
    /// (SetDefaultPolicyVersion), or the one deleted (DeletePolicyVersion, kept so undo can restore it).
    /// </summary>
    public string? DocumentJson { get; init; }

    /// <summary><see cref="DocumentJson"/> parsed (null for a deleted document that could not be parsed).</summary>
    public PolicyDocument? Document { get; init; }

    /// <summary>Users whose effective policies change, in the order the changes are made.</summary>
    public IReadOnlyList<AffectedUser> Users { get; init; } = [];

    /// <summary>A one-line description for people, e.g. <c>attach Force_MFA to group Admins</c>.</summary>
    public string Summary => Action switch
    {
        ChangeAction.CreatePolicy => $"create policy {PolicyName} at path {Path}",
        ChangeAction.DeletePolicyVersion => $"delete version {VersionId} of {PolicyName}",
        ChangeAction.CreatePolicyVersion => $"create a new default version of {PolicyName} (replacing {PreviousDefaultVersionId})",
        ChangeAction.SetDefaultPolicyVersion => $"make version {VersionId} of {PolicyName} the default (replacing {PreviousDefaultVersionId})",
        ChangeAction.AttachGroupPolicy => $"attach {PolicyName} to group {GroupName}",
        _ => $"detach {PolicyName} from group {GroupName}",
    };

    /// <summary>The action, target and summary (the documents are left out).</summary>
    public override string ToString() => $"{Action.JsonName()} {Target}: {Summary}";
}
