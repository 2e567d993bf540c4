namespace IamHarden.Aws;

/// <summary>A virtual MFA device; <see cref="User"/> is null while unassigned. The root user's device has a user
/// whose ARN ends in <c>:root</c>.</summary>
public sealed record VirtualMfaDevice(string SerialNumber, IamUser? User, DateTimeOffset? EnableDate, IReadOnlyList<IamTag> Tags);
