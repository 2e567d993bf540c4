namespace IamHarden.Aws;

/// <summary>
/// Error codes IamHarden reacts to, and the sets the retry policy uses. The retryable sets follow the AWS SDKs'
/// "standard" retry mode; IAM's quota code <c>LimitExceeded</c> is deliberately not among them (it is a hard limit,
/// such as five versions per managed policy, that retrying cannot fix).
/// </summary>
public static class AwsErrorCodes
{
    public const string NoSuchEntity = "NoSuchEntity";
    public const string AccessDenied = "AccessDenied";
    public const string Throttling = "Throttling";
    public const string LimitExceeded = "LimitExceeded";
    public const string EntityAlreadyExists = "EntityAlreadyExists";
    public const string DeleteConflict = "DeleteConflict";
    public const string ConcurrentModification = "ConcurrentModification";
    public const string ReportNotPresent = "ReportNotPresent";
    public const string ReportExpired = "ReportExpired";
    public const string ReportInProgress = "ReportInProgress";

    /// <summary>Codes that mean "slow down"; retried with backoff.</summary>
    public static readonly IReadOnlySet<string> ThrottlingCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "EC2ThrottledException",
    };

    /// <summary>Codes for transient failures; retried with backoff. IAM asks callers to retry ConcurrentModification.</summary>
    public static readonly IReadOnlySet<string> TransientCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "ServiceFailure",
        "ServiceUnavailable", "InternalFailure", "InternalError", ConcurrentModification,
    };

    /// <summary>Codes meaning the caller lacks a permission.</summary>
    public static readonly IReadOnlySet<string> AccessDeniedCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess",
    };
}
