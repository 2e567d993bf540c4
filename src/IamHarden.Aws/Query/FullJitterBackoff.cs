namespace IamHarden.Aws;

/// <summary>Capped exponential backoff with full jitter, as in the AWS SDKs' standard retry mode: spreading retries
/// uniformly over [0, cap] keeps many throttled clients from retrying in lock-step.</summary>
internal static class FullJitterBackoff
{
    public static TimeSpan Delay(int retryIndex, TimeSpan baseDelay, TimeSpan maxDelay, Random? random = null)
    {
        var exponent = Math.Min(retryIndex, 30);
        var capSeconds = Math.Min(baseDelay.TotalSeconds * Math.Pow(2, exponent), maxDelay.TotalSeconds);
        return TimeSpan.FromSeconds((random ?? Random.Shared).NextDouble() * capSeconds);
    }
}
