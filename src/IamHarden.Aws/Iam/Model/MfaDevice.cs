namespace IamHarden.Aws;

/// <summary>An MFA device enabled for a user (virtual, hardware or FIDO), from ListMFADevices.</summary>
public sealed record MfaDevice(string UserName, string SerialNumber, DateTimeOffset EnableDate);
