using System.Net;

namespace IamHarden.Aws.Apply;

/// <summary>How the caller's credentials authenticate, which decides what aws:MultiFactorAuthPresent holds.</summary>
public enum CallerCredentialKind
{
    /// <summary>Long-term access keys (AKIA…): requests carry no aws:MultiFactorAuthPresent at all.</summary>
    LongTermKeys,
    /// <summary>Temporary credentials (ASIA… with a session token): an MFA session or not — IamHarden cannot tell, so
    /// the lockout guard assumes not, unless the user says so (<see cref="MfaSession"/>).</summary>
    TemporaryCredentials,
    /// <summary>Temporary credentials the user says come from an MFA session (--mfa-session: GetSessionToken with the
    /// device's code): requests carry aws:MultiFactorAuthPresent "true". AWS cannot be asked; IAM denies if it is not so.</summary>
    MfaSession,
}

/// <summary>
/// Who runs apply and how their requests will look to IAM: the identity, the kind of credentials, and the source
/// address (given with --caller-ip, detected, or unknown with the reason).
/// </summary>
public sealed record CallerContext(CallerIdentity Identity, CallerCredentialKind Credentials, IPAddress? SourceIp, string SourceIpOrigin)
{
    /// <summary>The access key id prefix AWS gives long-term user keys.</summary>
    public static CallerCredentialKind KindOf(string accessKeyId, bool hasSessionToken) =>
        !hasSessionToken && accessKeyId.StartsWith("AKIA", StringComparison.Ordinal) ? CallerCredentialKind.LongTermKeys
        : hasSessionToken ? CallerCredentialKind.TemporaryCredentials
        // Unusual keys without a token are long-term as far as MFA is concerned: no session, so no MFA context.
        : CallerCredentialKind.LongTermKeys;

    /// <summary>A description of the credentials for messages.</summary>
    public string DescribeCredentials => Credentials switch
    {
        CallerCredentialKind.LongTermKeys => "long-term access keys (requests carry no MFA)",
        CallerCredentialKind.MfaSession => "MFA session (temporary credentials; --mfa-session says they carry MFA)",
        _ => "temporary credentials (an MFA session or not: IamHarden cannot tell, so it assumes not; --mfa-session says it is one)",
    };

    /// <summary>The name of <see cref="Credentials"/> in plan JSON.</summary>
    public string CredentialsName => Credentials switch
    {
        CallerCredentialKind.LongTermKeys => "long-term-keys",
        CallerCredentialKind.MfaSession => "mfa-session",
        _ => "temporary",
    };
}
