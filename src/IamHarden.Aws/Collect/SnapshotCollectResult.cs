namespace IamHarden.Aws;

/// <summary>What a collection wrote.</summary>
/// <param name="Directory">The snapshot directory (full path).</param>
/// <param name="FilesWritten">The snapshot files written, by name.</param>
/// <param name="Users">Users in authorization-details.json.</param>
/// <param name="Groups">Groups in authorization-details.json.</param>
/// <param name="Roles">Roles in authorization-details.json.</param>
/// <param name="ManagedPolicies">Managed policies in authorization-details.json.</param>
/// <param name="VirtualMfaDevices">Devices in virtual-mfa-devices.json.</param>
/// <param name="HasPasswordPolicy">Whether password-policy.json was written.</param>
/// <param name="CredentialReportGeneratedTime">When AWS generated the credential report (it reuses reports for up to four hours).</param>
/// <param name="Elapsed">Wall-clock time of the whole collection.</param>
public sealed record SnapshotCollectResult(
    string Directory,
    IReadOnlyList<string> FilesWritten,
    int Users,
    int Groups,
    int Roles,
    int ManagedPolicies,
    int VirtualMfaDevices,
    bool HasPasswordPolicy,
    DateTimeOffset CredentialReportGeneratedTime,
    TimeSpan Elapsed);
