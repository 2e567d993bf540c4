using System.Globalization;
using System.Net;
using IamHarden.Core.Catalog;
using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Replay;

/// <summary>
/// Rebuilds the request IAM authorized from a CloudTrail record: the principal, the action, the
/// resource where the record names it, and the request context with exactly the keys AWS would
/// have set (IAM User Guide "AWS global condition context keys"; spec iam-evaluation.md §7 and
/// aws-iam-api.md §5.3). Keys the record cannot tell are left absent rather than guessed.
/// </summary>
public sealed class ReplayRequestBuilder
{
    private readonly Func<string, string?>? _userArnByName;
    private readonly Func<string, IReadOnlyDictionary<string, string>?>? _tagsByPrincipalArn;

    /// <param name="userArnByName">The ARN (with its path) of an IAM user named in a request, when a snapshot knows it.</param>
    /// <param name="tagsByPrincipalArn">The tags of the calling user, when a snapshot knows them (aws:PrincipalTag/*).</param>
    public ReplayRequestBuilder(Func<string, string?>? userArnByName = null, Func<string, IReadOnlyDictionary<string, string>?>? tagsByPrincipalArn = null)
    {
        _userArnByName = userArnByName;
        _tagsByPrincipalArn = tagsByPrincipalArn;
    }

    /// <summary>The request, and whether its resource was read from the record (false: "*" stands in for it).</summary>
    public (AuthorizationRequest Request, bool ResourceKnown) Build(CloudTrailRecord record, PrincipalIdentity principal, string action)
    {
        var (resource, known) = Resource(record, principal, action);
        return (new AuthorizationRequest(principal, action, resource, Context(record, principal)), known);
    }

    /// <summary>The calling principal, or null when the record names none IAM could evaluate.</summary>
    public static PrincipalIdentity? Principal(CloudTrailRecord record) =>
        record.Identity.Arn is { } arn && PrincipalIdentity.TryParse(arn, out var principal) ? principal : null;

    private static readonly string[] AuthorizationErrors =
        ["AccessDenied", "AccessDeniedException", "Client.UnauthorizedOperation", "UnauthorizedOperation", "UnauthorizedAccess", "AuthorizationError", "AuthorizationErrorException", "Forbidden"];

    /// <summary>True when the call failed because it was not authorized (it was attempted, not made).</summary>
    public static bool WasDenied(CloudTrailRecord record) =>
        record.ErrorCode is { } code && (AuthorizationErrors.Contains(code, StringComparer.OrdinalIgnoreCase) || code.EndsWith("AccessDenied", StringComparison.OrdinalIgnoreCase));

    private RequestContext Context(CloudTrailRecord record, PrincipalIdentity principal)
    {
        var context = new RequestContext();
        var identity = record.Identity;
        bool viaService = false;

        if (IPAddress.TryParse(record.SourceIpAddress, out _))
        {
            // Through a VPC endpoint IAM sees the private address as aws:VpcSourceIp and no aws:SourceIp.
            if (record.VpcEndpointId is { Length: > 0 } vpce)
            {
                context.Set("aws:VpcSourceIp", record.SourceIpAddress!);
                context.Set("aws:SourceVpce", vpce);
            }
            else context.Set("aws:SourceIp", record.SourceIpAddress!);
        }
        else if (record.SourceIpAddress is { Length: > 0 })
        {
            // A service name or "AWS Internal": a service made the call for the principal, and the
            // caller's own address is not what IAM saw (spec §7: absent or the service's address).
            viaService = true;
        }
        if (identity.InvokedBy is { Length: > 0 } invokedBy)
        {
            viaService = true;
            if (invokedBy.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase))
            {
                context.SetList("aws:CalledVia", [invokedBy]);
                context.Set("aws:CalledViaFirst", invokedBy);
                context.Set("aws:CalledViaLast", invokedBy);
            }
        }
        context.Set("aws:ViaAWSService", viaService ? "true" : "false");

        // Long-term keys carry no MFA keys at all; sessions say whether MFA was used.
        if (!identity.UsesLongTermKey && identity.MfaAuthenticated is "true" or "false")
        {
            context.Set("aws:MultiFactorAuthPresent", identity.MfaAuthenticated);
            if (identity.SessionCreated is { } created)
            {
                context.Set("aws:TokenIssueTime", Iso(created));
                if (identity.MfaAuthenticated == "true")
                    context.Set("aws:MultiFactorAuthAge", Math.Max(0, (long)(record.EventTime - created).TotalSeconds).ToString(CultureInfo.InvariantCulture));
            }
        }

        context.Set("aws:CurrentTime", Iso(record.EventTime));
        context.Set("aws:EpochTime", record.EventTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        if (record.AwsRegion is { Length: > 0 } region) context.Set("aws:RequestedRegion", region);
        if (record.HasTlsDetails) context.Set("aws:SecureTransport", "true");
        if (record.UserAgent is { Length: > 0 } agent) context.Set("aws:UserAgent", agent);
        if (identity.PrincipalId is { Length: > 0 } id) context.Set("aws:userid", id);
        if (principal.AccountId.Length > 0) context.Set("aws:PrincipalAccount", principal.AccountId);

        switch (principal.Kind)
        {
            case PrincipalKind.User:
                context.Set("aws:username", principal.Name);
                context.Set("aws:PrincipalArn", principal.Arn);
                context.Set("aws:PrincipalType", "User");
                break;
            case PrincipalKind.RoleSession:
                context.Set("aws:PrincipalArn", identity.SessionIssuerArn ?? $"arn:{principal.Partition}:iam::{principal.AccountId}:role/{principal.RoleName}");
                context.Set("aws:PrincipalType", "AssumedRole");
                break;
            case PrincipalKind.FederatedUser:
                context.Set("aws:PrincipalArn", principal.Arn);
                context.Set("aws:PrincipalType", "FederatedUser");
                break;
            case PrincipalKind.Root:
                context.Set("aws:PrincipalArn", principal.Arn);
                context.Set("aws:PrincipalType", "Account");
                break;
        }
        if (_tagsByPrincipalArn?.Invoke(principal.Arn) is { } tags)
            foreach (var (key, value) in tags) context.Set("aws:PrincipalTag/" + key, value);
        return context;
    }

    /// <summary>
    /// The resource the call acted on: the record's resources list, or the IAM and S3 resources its
    /// request parameters name (IAM calls without a user name act on the caller). Otherwise "*".
    /// </summary>
    private (string Resource, bool Known) Resource(CloudTrailRecord record, PrincipalIdentity principal, string action)
    {
        if (record.ResourceArns.Count > 0) return (record.ResourceArns[0], true);
        var definition = ActionCatalog.Default.FindAction(action);
        if (definition is null || definition.IsWildcardOnly) return ("*", definition is not null);
        var types = new ResourceTypeNames(definition);
        var p = record.RequestParameters;
        string partition = principal.Partition, account = record.Identity.AccountId ?? principal.AccountId;

        switch (definition.Service.Prefix)
        {
            case "iam":
                if (types.Contains("mfa"))
                {
                    if (p.TryGetValue("serialNumber", out var serial) && serial.StartsWith("arn:", StringComparison.Ordinal)) return (serial, true);
                    if (p.TryGetValue("virtualMFADeviceName", out var device))
                        return ($"arn:{partition}:iam::{account}:mfa{(p.GetValueOrDefault("path") ?? "/")}{device}", true);
                }
                if (types.Contains("user"))
                {
                    if (p.TryGetValue("userName", out var userName))
                        return (_userArnByName?.Invoke(userName) ?? $"arn:{partition}:iam::{account}:user/{userName}", true);
                    if (principal.Kind == PrincipalKind.User) return (principal.Arn, true);
                }
                if (types.Contains("group") && p.TryGetValue("groupName", out var group)) return ($"arn:{partition}:iam::{account}:group/{group}", true);
                if (types.Contains("role") && p.TryGetValue("roleName", out var role)) return ($"arn:{partition}:iam::{account}:role/{role}", true);
                if (types.Contains("policy") && p.TryGetValue("policyArn", out var policy)) return (policy, true);
                break;
            case "s3":
                if (p.TryGetValue("bucketName", out var bucket))
                {
                    if (types.Contains("object") && p.TryGetValue("key", out var key)) return ($"arn:{partition}:s3:::{bucket}/{key}", true);
                    if (types.Contains("bucket")) return ($"arn:{partition}:s3:::{bucket}", true);
                }
                break;
        }
        return ("*", false);
    }

    /// <summary>The resource types an action works on, asked by name without building a set per call.</summary>
    private readonly struct ResourceTypeNames(ActionDefinition action)
    {
        public bool Contains(string name)
        {
            foreach (var type in action.ResourceTypes)
                if (type.ResourceType.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
