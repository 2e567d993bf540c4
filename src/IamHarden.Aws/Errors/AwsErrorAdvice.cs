namespace IamHarden.Aws;

/// <summary>What a user can do about the errors that are about their setup rather than about the request.</summary>
internal static class AwsErrorAdvice
{
    public static string? For(string code) => code switch
    {
        "InvalidClientTokenId" or "UnrecognizedClientException" =>
            "The access key is not known to AWS: check the profile or AWS_ACCESS_KEY_ID, and that the key was not deleted.",
        "SignatureDoesNotMatch" =>
            "The secret key does not match the access key (check AWS_SECRET_ACCESS_KEY or the profile), or the system clock is wrong.",
        "ExpiredToken" or "ExpiredTokenException" or "TokenRefreshRequired" =>
            "The session credentials have expired: sign in again (aws sso login, or a new sts get-session-token).",
        "RequestExpired" or "RequestTimeTooSkewed" =>
            "The request's signature time is too far from AWS's clock: synchronise the system clock.",
        "OptInRequired" or "AuthFailure" =>
            "The account or credentials are not allowed to use this service or region.",
        AwsErrorCodes.LimitExceeded =>
            "An IAM quota was reached (for example five versions per managed policy); retrying will not help.",
        _ => null,
    };
}
