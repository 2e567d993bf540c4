using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using Polly;
using Polly.Timeout;

namespace IamHarden.Aws;

/// <summary>Decides which failed attempts are worth retrying, following the AWS SDKs' standard retry mode.</summary>
internal static class RetryClassifier
{
    public static bool ShouldRetry(Outcome<AttemptOutcome> outcome) => outcome.Exception switch
    {
        null => outcome.Result?.Error is { } error && IsRetryable(error.StatusCode, error.Code),
        HttpRequestException e => !IsPermanentConnectionFailure(e),
        TimeoutRejectedException or MalformedAnswerException => true,
        IOException => true,
        _ => false,
    };

    public static bool IsRetryable(HttpStatusCode status, string code) =>
        AwsErrorCodes.ThrottlingCodes.Contains(code)
        || AwsErrorCodes.TransientCodes.Contains(code)
        || status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public static string Describe(Outcome<AttemptOutcome> outcome) => outcome.Exception switch
    {
        null when outcome.Result?.Error is { } error => $"{error.Code}: {error.Message}",
        null => "unknown",
        TimeoutRejectedException => "the attempt timed out",
        var e => DescribeException(e),
    };

    /// <summary>A short reason for a connection-level failure, e.g. "connection refused".</summary>
    public static string DescribeException(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.ConnectionReset => "connection reset",
                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host name not found",
                    SocketError.TimedOut => "connection timed out",
                    SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
                    _ => socket.Message,
                };
            }
        }
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded })
            return "the connection closed before the answer was complete";
        return exception.Message;
    }

    private static bool IsPermanentConnectionFailure(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.SecureConnectionError or HttpRequestError.ConfigurationLimitExceeded
        || exception.InnerException is AuthenticationException;
}
