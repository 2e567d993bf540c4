namespace IamHarden.Aws;

/// <summary>
/// A request could not be completed at the HTTP level: the endpoint refused or reset the connection, did not answer
/// in time, or name resolution failed; retries were exhausted.
/// </summary>
public sealed class AwsTransportException : AwsException
{
    public AwsTransportException(string service, string operation, Uri endpoint, int attempts, string reason, Exception? innerException)
        : base($"Could not reach {service.ToUpperInvariant()} at {endpoint} for {operation}: {reason} " +
               $"(gave up after {attempts} attempt{(attempts == 1 ? "" : "s")}). " +
               "Check the network, any proxy settings (HTTPS_PROXY) and --endpoint-url.", innerException)
    {
        Service = service;
        Operation = operation;
        Endpoint = endpoint;
        Attempts = attempts;
    }

    /// <summary>The service prefix, <c>iam</c> or <c>sts</c>.</summary>
    public string Service { get; }

    /// <summary>The API operation that was being called.</summary>
    public string Operation { get; }

    /// <summary>The URL the request was sent to.</summary>
    public Uri Endpoint { get; }

    /// <summary>How many times the request was tried.</summary>
    public int Attempts { get; }
}
