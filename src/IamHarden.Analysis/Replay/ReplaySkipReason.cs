namespace IamHarden.Analysis.Replay;

/// <summary>Why an event was read but not decided against the proposed policies.</summary>
public enum ReplaySkipReason
{
    /// <summary>Console sign-in events (signin.amazonaws.com): IAM policies do not decide them.</summary>
    SignIn,
    /// <summary>AwsServiceEvent: AWS did something itself; no caller was authorized.</summary>
    ServiceEvent,
    /// <summary>Network-activity events of VPC endpoints: not API calls.</summary>
    NetworkActivity,
    /// <summary>Calls that need no permission (sts:GetCallerIdentity).</summary>
    NeedsNoPermission,
    /// <summary>Calls whose IAM action cannot be derived from the event (API Gateway management).</summary>
    ActionNotDerivable,
    /// <summary>The call was already denied (AccessDenied and the like): the policies cannot block it again.</summary>
    AlreadyDenied,
    /// <summary>The caller is not a kind of principal the replay was asked about (roles, services, other accounts, root).</summary>
    OtherPrincipal,
    /// <summary>The caller is an IAM user outside the requested scope (--user, --group, the config's groups).</summary>
    OutOfScope,
    /// <summary>The event lies outside --since / --until.</summary>
    OutsideWindow,
    /// <summary>The same eventID was read before (CloudTrail may deliver an event twice).</summary>
    Duplicate,
}
