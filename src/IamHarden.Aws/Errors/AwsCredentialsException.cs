namespace IamHarden.Aws;

/// <summary>
/// No usable AWS credentials: nothing configured, an unknown profile, an SSO profile without a cached login, a
/// profile that needs an MFA code, or a credential source that failed to refresh.
/// </summary>
public sealed class AwsCredentialsException : AwsException
{
    public AwsCredentialsException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
