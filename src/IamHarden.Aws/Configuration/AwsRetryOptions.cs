namespace IamHarden.Aws;

/// <summary>
/// How failed requests are retried: throttling, HTTP 5xx/429, transient codes, connection failures and per-attempt
/// timeouts are retried with capped exponential backoff and full jitter (delay before retry <i>n</i> is uniformly
/// random in [0, min(<see cref="BaseDelay"/> × 2^n, <see cref="MaxDelay"/>)], as the AWS SDKs do).
/// </summary>
public sealed record AwsRetryOptions
{
    /// <summary>Attempts in total, the first included. The default (6) is above the SDKs' 3 because an
    /// account-wide sweep of IAM is throttled readily.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>The scale of the backoff.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The cap on a single backoff delay.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one attempt (send and read the whole answer) may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    internal void Validate()
    {
        if (MaxAttempts < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "At least one attempt is needed.");
        if (BaseDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(BaseDelay), "Retry delays cannot be negative.");
        if (AttemptTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(AttemptTimeout), AttemptTimeout, "The attempt timeout must be positive.");
    }
}
