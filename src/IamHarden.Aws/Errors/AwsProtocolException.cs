namespace IamHarden.Aws;

/// <summary>
/// AWS (or whatever answered at the endpoint) sent something that is not a valid answer to the request: not XML,
/// a missing result element, a truncated page without a marker, or the same marker twice.
/// </summary>
public sealed class AwsProtocolException : AwsException
{
    public AwsProtocolException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
