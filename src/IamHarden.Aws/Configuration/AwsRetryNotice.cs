namespace IamHarden.Aws;

/// <summary>Told to <see cref="AwsClientOptions.OnRetry"/> before a request is retried, so a UI can say why it waits.</summary>
/// <param name="Operation">The API operation being retried.</param>
/// <param name="Attempt">The attempt that failed (1 = the first).</param>
/// <param name="Reason">Why it failed, e.g. <c>Throttling: Rate exceeded</c> or <c>connection reset</c>.</param>
/// <param name="Delay">How long the client waits before the next attempt.</param>
public sealed record AwsRetryNotice(string Operation, int Attempt, string Reason, TimeSpan Delay);
