namespace IamHarden.Core.Evaluation;

/// <summary>
/// One request to decide: who (principal), what (action, e.g. "s3:GetObject"), on which resource
/// (an ARN, or "*" for actions without resource-level permissions) and with which context keys.
/// <see cref="ResourceAccount"/> makes the request cross-account when it differs from the
/// principal's account; when null the resource is taken to be in the principal's account, as
/// AWS's policy simulator does by default.
/// </summary>
public sealed record AuthorizationRequest(PrincipalIdentity Principal, string Action, string Resource, RequestContext Context)
{
    public string? ResourceAccount { get; init; }

    public bool IsCrossAccount => ResourceAccount is { } account && account != Principal.AccountId;

    /// <summary>The service prefix of the action ("s3" for "s3:GetObject").</summary>
    public string Service => Action.IndexOf(':') is var i and > 0 ? Action[..i] : Action;
}
