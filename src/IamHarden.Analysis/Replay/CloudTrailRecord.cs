namespace IamHarden.Analysis.Replay;

/// <summary>
/// The fields of one CloudTrail event record that decide how IAM would have judged the call
/// (spec aws-iam-api.md §5.2): who called, what, from where, with which credentials, and whether
/// it succeeded. Everything else in the record is bookkeeping the replay does not need.
/// </summary>
public sealed record CloudTrailRecord
{
    public required string EventId { get; init; }
    public required DateTimeOffset EventTime { get; init; }
    /// <summary>The service host, e.g. "iam.amazonaws.com".</summary>
    public required string EventSource { get; init; }
    /// <summary>The API operation, e.g. "CreateUser".</summary>
    public required string EventName { get; init; }
    /// <summary>AwsApiCall, AwsServiceEvent, AwsConsoleAction, AwsConsoleSignIn, AwsVpceEvent (casing varies).</summary>
    public string? EventType { get; init; }
    public string? EventCategory { get; init; }
    public string? AwsRegion { get; init; }
    /// <summary>An IPv4/IPv6 address, an AWS service name, or "AWS Internal".</summary>
    public string? SourceIpAddress { get; init; }
    public string? VpcEndpointId { get; init; }
    public string? UserAgent { get; init; }
    public string? ErrorCode { get; init; }
    /// <summary>True when the record carries tlsDetails (the call was made over TLS).</summary>
    public bool HasTlsDetails { get; init; }
    public required CloudTrailIdentity Identity { get; init; }
    /// <summary>ARNs from the record's "resources" list.</summary>
    public IReadOnlyList<string> ResourceArns { get; init; } = [];
    /// <summary>The string-valued top-level members of requestParameters (userName, bucketName, ...).</summary>
    public IReadOnlyDictionary<string, string> RequestParameters { get; init; } = EmptyParameters;

    /// <summary>Where the record is written, "file:line:column", for messages.</summary>
    public string Location { get; init; } = "";

    private static readonly IReadOnlyDictionary<string, string> EmptyParameters = new Dictionary<string, string>();
}

/// <summary>The record's userIdentity element (CloudTrail User Guide, "userIdentity element").</summary>
public sealed record CloudTrailIdentity
{
    /// <summary>IAMUser, AssumedRole, Root, FederatedUser, AWSAccount, AWSService, IdentityCenterUser, ...</summary>
    public string? Type { get; init; }
    public string? Arn { get; init; }
    public string? AccountId { get; init; }
    public string? UserName { get; init; }
    public string? PrincipalId { get; init; }
    /// <summary>AKIA… for long-term user keys, ASIA… for temporary credentials, empty for sign-in events.</summary>
    public string? AccessKeyId { get; init; }
    /// <summary>sessionContext.attributes.mfaAuthenticated: the string "true" or "false", absent for long-term keys.</summary>
    public string? MfaAuthenticated { get; init; }
    /// <summary>sessionContext.attributes.creationDate: when the session's credentials were issued.</summary>
    public DateTimeOffset? SessionCreated { get; init; }
    /// <summary>sessionContext.sessionIssuer.arn: the role behind an assumed-role session.</summary>
    public string? SessionIssuerArn { get; init; }
    /// <summary>The AWS service that made the call for the principal, e.g. "cloudformation.amazonaws.com".</summary>
    public string? InvokedBy { get; init; }

    /// <summary>Long-term access keys of an IAM user or root: no session, so no MFA context keys.</summary>
    public bool UsesLongTermKey => AccessKeyId is { } key && key.StartsWith("AKIA", StringComparison.Ordinal);
}
