namespace IamHarden.Aws;

/// <summary>The files of an account snapshot directory (PRODUCT.md's contract), each what an AWS CLI command writes.</summary>
public static class SnapshotFileNames
{
    /// <summary><c>aws iam get-account-authorization-details</c>.</summary>
    public const string AuthorizationDetails = "authorization-details.json";

    /// <summary>The CSV inside <c>aws iam get-credential-report</c>, base64-decoded.</summary>
    public const string CredentialReport = "credential-report.csv";

    /// <summary><c>aws iam get-account-summary</c>.</summary>
    public const string AccountSummary = "account-summary.json";

    /// <summary><c>aws iam get-account-password-policy</c>; absent when the account has no password policy.</summary>
    public const string PasswordPolicy = "password-policy.json";

    /// <summary><c>aws iam list-virtual-mfa-devices</c>.</summary>
    public const string VirtualMfaDevices = "virtual-mfa-devices.json";

    /// <summary>Every snapshot file name.</summary>
    public static IReadOnlyList<string> All { get; } = [AuthorizationDetails, CredentialReport, AccountSummary, PasswordPolicy, VirtualMfaDevices];
}
