namespace IamHarden.Analysis.Snapshot;

/// <summary>The file names of a snapshot directory (PRODUCT.md contract) and how to produce each with the AWS CLI.</summary>
public static class SnapshotFiles
{
    public const string AuthorizationDetails = "authorization-details.json";
    public const string CredentialReport = "credential-report.csv";
    public const string AccountSummary = "account-summary.json";
    public const string PasswordPolicy = "password-policy.json";
    public const string VirtualMfaDevices = "virtual-mfa-devices.json";

    public static string HowToProduce(string file) => file switch
    {
        AuthorizationDetails => "aws iam get-account-authorization-details > authorization-details.json",
        CredentialReport => "aws iam generate-credential-report && aws iam get-credential-report --query Content --output text | base64 -d > credential-report.csv",
        AccountSummary => "aws iam get-account-summary > account-summary.json",
        PasswordPolicy => "aws iam get-account-password-policy > password-policy.json (no file means the account has no password policy)",
        VirtualMfaDevices => "aws iam list-virtual-mfa-devices > virtual-mfa-devices.json",
        _ => "",
    } + " — or run 'iamharden collect --out DIR'";
}
