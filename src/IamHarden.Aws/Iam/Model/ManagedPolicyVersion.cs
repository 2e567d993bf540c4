namespace IamHarden.Aws;

/// <summary>One version of a managed policy. <see cref="Document"/> is the decoded JSON text, present only where AWS
/// returns it (GetPolicyVersion), null for ListPolicyVersions and CreatePolicyVersion.</summary>
public sealed record ManagedPolicyVersion(string VersionId, bool IsDefaultVersion, DateTimeOffset CreateDate, string? Document);
