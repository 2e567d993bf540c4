using System.Net;

namespace IamHarden.Aws;

/// <summary>
/// AWS answered a request with an error (after any retries). Carries AWS's own error code, message and request id
/// so that a user can quote them to AWS support, plus the HTTP status and the operation that failed.
/// </summary>
public class AwsApiException : AwsException
{
    public AwsApiException(
        string service,
        string operation,
        string code,
        string awsMessage,
        string? requestId,
        HttpStatusCode statusCode,
        int attempts,
        string? message = null)
        : base(message ?? Compose(service, operation, code, awsMessage, requestId, attempts))
    {
        Service = service;
        Operation = operation;
        Code = code;
        AwsMessage = awsMessage;
        RequestId = requestId;
        StatusCode = statusCode;
        Attempts = attempts;
    }

    /// <summary>The service prefix, <c>iam</c> or <c>sts</c>.</summary>
    public string Service { get; }

    /// <summary>The API operation, e.g. <c>GetAccountAuthorizationDetails</c>.</summary>
    public string Operation { get; }

    /// <summary>AWS's error code, e.g. <c>NoSuchEntity</c>, <c>Throttling</c>, <c>AccessDenied</c>.</summary>
    public string Code { get; }

    /// <summary>AWS's error message, verbatim.</summary>
    public string AwsMessage { get; }

    /// <summary>AWS's request id of the failed request, when AWS sent one.</summary>
    public string? RequestId { get; }

    /// <summary>The HTTP status of the error response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>How many times the request was sent (1 when the error was not retryable).</summary>
    public int Attempts { get; }

    /// <summary>True for AWS's "no such entity" answer (404), which several reads use to mean "absent".</summary>
    public bool IsNoSuchEntity => Code == AwsErrorCodes.NoSuchEntity;

    private static string Compose(string service, string operation, string code, string awsMessage, string? requestId, int attempts)
    {
        var text = $"{service}:{operation} failed: {code}: {awsMessage}";
        var hint = AwsErrorAdvice.For(code);
        if (hint is not null)
            text += " " + hint;
        if (attempts > 1)
            text += $" (gave up after {attempts} attempts)";
        if (requestId is not null)
            text += $" [request id {requestId}]";
        return text;
    }
}
