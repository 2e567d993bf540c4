namespace IamHarden.Aws.Apply;

/// <summary>The caller's credentials cannot be what an option says they are (--mfa-session with long-term keys).</summary>
public sealed class CallerCredentialsException(string message) : Exception(message);
