using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Guardrails;

/// <summary>
/// Writes the guide's two policies: MFA enforcement (Force_MFA) and source-IP restriction, either
/// as the guide prints them or in the recommended form that fixes their traps (PRODUCT.md):
/// BoolIfExists so long-term access keys cannot bypass MFA; an enrolment exception that is
/// complete (device clean-up, must-reset password) but scoped to the caller's own user; the
/// aws:ViaAWSService guard so AWS services acting for the user keep working; optional
/// VPC-endpoint exemptions; strict checking of the CIDRs.
/// </summary>
public static partial class GuardrailPolicies
{
    public const string DefaultMfaPolicyName = "Force_MFA";
    public const string DefaultIpPolicyName = "Restrict_Source_IP";

    private const string OwnUser = "arn:aws:iam::*:user/${aws:username}";
    private const string OwnUserWithPath = "arn:aws:iam::*:user/*/${aws:username}";
    private const string AnyMfaDevice = "arn:aws:iam::*:mfa/*";

    [GeneratedRegex("^vpce-[0-9a-f]{8,17}$")]
    private static partial Regex VpceId();

    /// <summary>The MFA enforcement policy.</summary>
    public static PolicyDocument Mfa(GuardrailVariant variant, string name = DefaultMfaPolicyName)
    {
        var noMfa = new JsonObject { ["BoolIfExists"] = new JsonObject { ["aws:MultiFactorAuthPresent"] = "false" } };
        if (variant == GuardrailVariant.Guide)
            return Build(name, Statement("DenyAllExceptListedIfNoMFA", "Deny", "NotAction", EnrollmentActions.Guide, "Resource", ["*"], noMfa));

        return Build(name,
            // Grants so that enrolment works whatever else the groups allow; everything else needs MFA.
            Statement("AllowViewAccountInfo", "Allow", "Action", ["iam:GetAccountPasswordPolicy", "iam:ListVirtualMFADevices"], "Resource", ["*"]),
            Statement("AllowManageOwnPasswordAndMFA", "Allow", "Action",
                ["iam:ChangePassword", "iam:DeactivateMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices", "iam:ResyncMFADevice"],
                "Resource", [OwnUser, OwnUserWithPath]),
            Statement("AllowManageOwnVirtualMFADevice", "Allow", "Action", EnrollmentActions.OnMfaDevice, "Resource", [AnyMfaDevice]),
            Statement("DenyAllExceptEnrollmentIfNoMFA", "Deny", "NotAction", EnrollmentActions.Recommended, "Resource", ["*"], noMfa.DeepClone()),
            // The exception above is for the caller's own user only: without MFA nobody touches other users.
            Statement("DenyEnrollmentOnOtherUsersIfNoMFA", "Deny", "Action", EnrollmentActions.OnOwnUser, "NotResource", [OwnUser, OwnUserWithPath], noMfa.DeepClone()));
    }

    /// <summary>The source-IP restriction policy. Throws <see cref="GuardrailException"/> for CIDRs that cannot work.</summary>
    public static PolicyDocument IpRestriction(GuardrailVariant variant, IpRestrictionOptions options, string name = DefaultIpPolicyName)
    {
        if (options.Cidrs.Count == 0) throw new GuardrailException("give at least one approved CIDR (--cidr), e.g. your office or VPN egress range");
        foreach (var cidr in options.Cidrs) ValidatePublicCidr(cidr, strict: variant == GuardrailVariant.Recommended);

        var cidrs = new JsonArray(options.Cidrs.Select(c => (JsonNode)c).ToArray());
        if (variant == GuardrailVariant.Guide)
        {
            var condition = new JsonObject { ["NotIpAddress"] = new JsonObject { ["aws:SourceIp"] = cidrs } };
            return CheckSize(Build(name, Statement("DenyAccessFromUnapprovedIP", "Deny", "Action", ["*"], "Resource", ["*"], condition)));
        }

        var deny = new JsonObject
        {
            ["NotIpAddress"] = new JsonObject { ["aws:SourceIp"] = cidrs },
            // AWS services calling on the user's behalf (CloudFormation, Athena, ...) use their own address.
            ["Bool"] = new JsonObject { ["aws:ViaAWSService"] = "false" },
        };
        foreach (var id in options.VpcEndpointIds)
            if (!VpceId().IsMatch(id)) throw new GuardrailException($"\"{id}\" is not a VPC endpoint id; expected vpce- followed by 8 to 17 hex digits");
        if (options.VpcEndpointIds.Count > 0)
            deny["StringNotEqualsIfExists"] = new JsonObject { ["aws:SourceVpce"] = new JsonArray(options.VpcEndpointIds.Select(v => (JsonNode)v).ToArray()) };
        foreach (var cidr in options.VpcSourceCidrs)
            if (!IpRange.TryParse(cidr, out _)) throw new GuardrailException($"--vpc-source-cidr \"{cidr}\" is not an IPv4 or IPv6 address or CIDR");
        if (options.VpcSourceCidrs.Count > 0)
            deny["NotIpAddressIfExists"] = new JsonObject { ["aws:VpcSourceIp"] = new JsonArray(options.VpcSourceCidrs.Select(v => (JsonNode)v).ToArray()) };
        return CheckSize(Build(name, Statement("DenyAccessFromUnapprovedNetworks", "Deny", "Action", ["*"], "Resource", ["*"], deny)));
    }

    /// <summary>
    /// A CIDR for aws:SourceIp must parse, and (strict) must be a public range without host bits:
    /// private and reserved ranges never appear in aws:SourceIp, and 0.0.0.0/0 restricts nothing.
    /// <paramref name="source"/> names where the CIDR came from in the message (an option or a configuration key).
    /// </summary>
    public static IpRange ValidatePublicCidr(string cidr, bool strict, string source = "--cidr")
    {
        if (!IpRange.TryParse(cidr, out var range))
            throw new GuardrailException($"{source} \"{cidr}\" is not an IPv4 or IPv6 address or CIDR (e.g. 203.0.113.0/24 or 2001:db8::/32)");
        if (!strict) return range;
        if (range.HadHostBits)
            throw new GuardrailException($"{source} \"{cidr}\" has host bits set; write the network ({range.Network}) or the single address (/{(range.IsIPv4 ? 32 : 128)})");
        if (range.PrefixLength == 0)
            throw new GuardrailException($"{source} \"{cidr}\" contains every address, so the policy would restrict nothing");
        if (SpecialRanges.Classify(range) is { } special)
            throw new GuardrailException($"{source} \"{cidr}\" is {special}: aws:SourceIp only ever holds the public address a request comes from, so this range never matches (for callers inside a VPC allow their VPC endpoint or private range instead: --vpce and --vpc-source-cidr, or ipRestriction.vpcEndpoints and vpcSourceCidrs in the configuration)");
        return range;
    }

    private static PolicyDocument CheckSize(PolicyDocument document)
    {
        int size = PolicySize.CharactersWithoutWhitespace(document);
        if (size > PolicySize.ManagedPolicy)
            throw new GuardrailException($"the policy would be {size:N0} characters, over IAM's limit of {PolicySize.ManagedPolicy:N0} for a managed policy; use fewer or wider CIDRs");
        return document;
    }

    private static JsonObject Statement(string sid, string effect, string actionElement, IEnumerable<string> actions, string resourceElement, IEnumerable<string> resources, JsonNode? condition = null)
    {
        var statement = new JsonObject
        {
            ["Sid"] = sid,
            ["Effect"] = effect,
            [actionElement] = List(actions),
            [resourceElement] = List(resources),
        };
        if (condition is not null) statement["Condition"] = condition;
        return statement;
    }

    private static JsonNode List(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 1 ? JsonValue.Create(list[0])! : new JsonArray(list.Select(v => (JsonNode)v).ToArray());
    }

    private static PolicyDocument Build(string name, params JsonObject[] statements)
    {
        var json = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray(statements) }.ToJsonString();
        return PolicyParser.Parse(json, name).GetDocumentOrThrow(name);
    }
}
