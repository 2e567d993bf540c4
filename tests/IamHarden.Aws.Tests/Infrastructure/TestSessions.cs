namespace IamHarden.Aws.Tests.Infrastructure;

/// <summary>Sessions against local endpoints, with retries fast enough for tests.</summary>
internal static class TestSessions
{
    public static readonly AwsRetryOptions FastRetry = new()
    {
        MaxAttempts = 6,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        AttemptTimeout = TimeSpan.FromSeconds(30),
    };

    public static Task<AwsSession> ConnectAsync(Uri endpoint, AwsRetryOptions? retry = null, Action<AwsRetryNotice>? onRetry = null) =>
        AwsSession.ConnectAsync(new AwsClientOptions
        {
            EndpointUrl = endpoint,
            Retry = retry ?? FastRetry,
            OnRetry = onRetry,
        }, Timeouts.Token(TimeSpan.FromSeconds(30)));
}

/// <summary>Cancellation tokens that bound every network-facing test step.</summary>
internal static class Timeouts
{
    public static CancellationToken Token(TimeSpan timeout) => new CancellationTokenSource(timeout).Token;

    public static CancellationToken Default => Token(TimeSpan.FromSeconds(120));
}
