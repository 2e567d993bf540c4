using System.Net;

namespace IamHarden.Aws;

/// <summary>
/// AWS refused a request because the caller lacks a permission. <see cref="MissingPermission"/> names the IAM action
/// to grant (for example <c>iam:GetAccountAuthorizationDetails</c>); the message says whether an explicit Deny is
/// in the way, in which case granting an Allow does not help.
/// </summary>
public sealed class AwsAccessDeniedException : AwsApiException
{
    public AwsAccessDeniedException(
        string service,
        string operation,
        string code,
        string awsMessage,
        string? requestId,
        HttpStatusCode statusCode,
        int attempts)
        : base(service, operation, code, awsMessage, requestId, statusCode, attempts,
            Compose(service, operation, awsMessage, requestId))
    {
        MissingPermission = $"{service}:{operation}";
        IsExplicitDeny = awsMessage.Contains("explicit deny", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The IAM action the caller needs, <c>service:Operation</c>.</summary>
    public string MissingPermission { get; }

    /// <summary>True when AWS said an explicit Deny blocks the call (an added Allow will not help).</summary>
    public bool IsExplicitDeny { get; }

    /// <summary>Reads (Get*, List*, GenerateCredentialReport) are covered by SecurityAudit; writes need their own grant.</summary>
    private static bool IsRead(string operation) =>
        operation.StartsWith("Get", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal) ||
        operation == "GenerateCredentialReport";

    private static string Compose(string service, string operation, string awsMessage, string? requestId)
    {
        var permission = $"{service}:{operation}";
        var text = awsMessage.Contains("explicit deny", StringComparison.OrdinalIgnoreCase)
            ? $"Access denied: an explicit Deny blocks {permission} for the identity IamHarden runs as. " +
              "Adding an Allow will not help; remove or narrow that Deny, or run as another identity."
            : $"Access denied: the identity IamHarden runs as is not allowed {permission}. " +
              (IsRead(operation)
                  ? $"Grant {permission} to it (the AWS managed policy SecurityAudit grants every read that collect and plan need)."
                  : $"Grant {permission} to it (apply needs iam:CreatePolicy, iam:CreatePolicyVersion, iam:DeletePolicyVersion, " +
                    "iam:SetDefaultPolicyVersion, iam:AttachGroupPolicy and iam:DetachGroupPolicy on the guardrail policies and groups; rollback also iam:DeletePolicy).");
        if (awsMessage.Length > 0)
            text += $" AWS said: {awsMessage}";
        if (requestId is not null)
            text += $" [request id {requestId}]";
        return text;
    }
}
