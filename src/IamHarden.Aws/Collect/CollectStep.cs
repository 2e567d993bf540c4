namespace IamHarden.Aws;

/// <summary>The parts of a snapshot collection, each reported through <see cref="CollectProgress"/>.</summary>
public enum CollectStep
{
    AccountSummary,
    AuthorizationDetails,
    CredentialReport,
    PasswordPolicy,
    VirtualMfaDevices,
    WriteFiles,
}
