using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using IamHarden.Analysis.Prover;
using IamHarden.Analysis.Prover.Properties;
using IamHarden.Core.Catalog;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Tests.Evaluation;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Tests.Prover;

/// <summary>
/// Random policy sets, properties and requests for the prover's differential tests. Policies mix
/// the evaluator tests' generator (<see cref="RandomPolicies"/>) with statements over a wider
/// vocabulary that reaches every part of the encoding: every operator family, IfExists, set
/// qualifiers, Null, policy variables in resources and condition values (known and unknown
/// values), NotAction/NotResource, case-insensitive comparisons and actions the catalog lacks.
/// </summary>
internal static class ProverRandomPolicies
{
    private static readonly string[] Actions =
        ["*", "s3:*", "s3:GetObject", "s3:Get*", "iam:*", "iam:ChangePassword", "iam:*MFA*", "iam:Get?ser", "ec2:Describe*", "*:List*", "sts:GetSessionToken", "s3:NewThing*", "IAM:getuser"];

    private static readonly string[] Resources =
    [
        "*", "arn:aws:s3:::b/*", "arn:aws:s3:::b", "arn:aws:iam::*:user/${aws:username}", "arn:aws:iam::*:user/*/${aws:username}",
        "arn:aws:iam::123456789012:mfa/${aws:username}", "arn:aws:s3:::b/${aws:PrincipalTag/team}/*", "arn:aws:s3:*", "arn:aws:iam::123456789012:user/a*",
        "arn:aws:s3:::b/home/${aws:userid, 'none'}",
    ];

    private static readonly string[] Conditions =
    [
        """{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}""",
        """{"Bool":{"aws:MultiFactorAuthPresent":"false"}}""",
        """{"Bool":{"aws:MultiFactorAuthPresent":"true"}}""",
        """{"Null":{"aws:MultiFactorAuthPresent":"true"}}""",
        """{"NotIpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::/32"]}}""",
        """{"IpAddressIfExists":{"aws:SourceIp":"198.51.100.0/25"}}""",
        """{"Bool":{"aws:ViaAWSService":"false"}}""",
        """{"StringNotEqualsIfExists":{"aws:SourceVpce":"vpce-1a2b3c4d"}}""",
        """{"NotIpAddressIfExists":{"aws:VpcSourceIp":"10.0.0.0/8"}}""",
        """{"StringLike":{"aws:PrincipalTag/team":"dev*"}}""",
        """{"StringEqualsIgnoreCase":{"aws:PrincipalTag/team":"DEV"}}""",
        """{"StringEquals":{"aws:PrincipalTag/owner":"${aws:username}"}}""",
        """{"StringNotEquals":{"aws:PrincipalTag/team":"${aws:PrincipalTag/owner}"}}""",
        """{"StringLike":{"s3:prefix":"home/${aws:username}/*"}}""",
        """{"StringLike":{"s3:prefix":["${aws:PrincipalTag/team}/?*", "public/*"]}}""",
        """{"ForAllValues:StringLike":{"aws:TagKeys":["a*","b"]}}""",
        """{"ForAnyValue:StringEquals":{"aws:TagKeys":"x"}}""",
        """{"ForAnyValue:StringNotLike":{"aws:CalledVia":"cloudformation.*"}}""",
        """{"Null":{"aws:TagKeys":"false"}}""",
        """{"NumericGreaterThanIfExists":{"aws:MultiFactorAuthAge":"3600"}}""",
        """{"NumericLessThan":{"s3:max-keys":"10.5"}}""",
        """{"NumericNotEquals":{"s3:max-keys":["3","7"]}}""",
        """{"DateLessThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}""",
        """{"DateGreaterThanEquals":{"aws:EpochTime":"1700000000"}}""",
        """{"NumericLessThan":{"aws:EpochTime":"1800000000"}}""",
        """{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::123456789012:user/b*"}}""",
        """{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/*"}}""",
        """{"StringEquals":{"aws:username":"alice"}}""",
        """{"Bool":{"aws:SecureTransport":"${aws:PrincipalTag/secure}"}}""",
        """{"BinaryEquals":{"aws:PrincipalTag/cert":"QUJD"}}""",
        """{"StringEquals":{"aws:RequestedRegion":["eu-west-1","us-east-1"]}}""",
    ];

    private static Gen<JsonObject> Statement =>
        from effect in Gen.Elements("Allow", "Deny")
        from notAction in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from actions in Gen.NonEmptyListOf(Gen.Elements(Actions)).Select(l => l.Take(3).Distinct().ToArray())
        from notResource in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from resources in Gen.NonEmptyListOf(Gen.Elements(Resources)).Select(l => l.Take(2).Distinct().ToArray())
        from conditions in Gen.ListOf(Gen.Elements(Conditions)).Select(l => l.Take(3).Distinct().ToArray())
        select Build(effect, notAction, actions, notResource, resources, conditions);

    private static Gen<string> WidePolicy =>
        Gen.NonEmptyListOf(Statement).Select(statements =>
        {
            var array = new JsonArray();
            foreach (var s in statements.Take(4)) array.Add(s);
            return new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = array }.ToJsonString();
        });

    /// <summary>One to three identity policies, from either generator.</summary>
    public static Gen<string[]> PolicySet =>
        Gen.NonEmptyListOf(Gen.Frequency((3, WidePolicy), (1, RandomPolicies.Policy()))).Select(l => l.Take(3).ToArray());

    private static readonly string[] NeverPatterns = ["s3:GetObject", "iam:*", "*", "ec2:DescribeInstances", "s3:NewThingFoo", "iam:CreateUser", "iam:ChangePassword"];
    private static readonly string[] RangeTexts = ["203.0.113.0/24", "2001:db8::/32", "198.51.100.0/25"];

    public static Gen<VerificationProperty> Property =>
        Gen.OneOf(
            Gen.Elements(NeverPatterns).Select(p => (VerificationProperty)new NeverProperty(p)),
            Gen.Elements<VerificationProperty>(new MfaProperty(), new MfaProperty(["iam:*MFA*", "sts:GetSessionToken"])),
            Gen.Elements<VerificationProperty>(new MfaEnrollableProperty(), new MfaEnrollableProperty(mustResetPassword: true)),
            from ranges in Gen.NonEmptyListOf(Gen.Elements(RangeTexts)).Select(l => l.Distinct().ToArray())
            from service in Gen.Elements(true, false)
            from vpce in Gen.Elements(true, false)
            select (VerificationProperty)new SourceIpProperty(ranges.Select(Range).ToList(), ranges, service, vpce));

    public static Gen<ProverPrincipal> Principal =>
        Gen.Frequency((4, Gen.Constant(ProverOptions.DefaultPrincipal)), (1, Gen.Constant(ProverPrincipal.AnyUser())),
            (1, Gen.Constant(ProverPrincipal.User("arn:aws:iam::123456789012:user/ops/bob", new Dictionary<string, string> { ["team"] = "dev-ops", ["owner"] = "bob" }))));

    private static IpRange Range(string text) => IpRange.TryParse(text, out var r) ? r : throw new InvalidOperationException(text);

    private static readonly string?[] TextValues = [null, "", "dev", "DEV", "dev-ops", "alice", "bob", "x", "a1", "b", "home/alice/f", "public/x", "cloudformation.amazonaws.com", "true", "false", "QUJD", "eu-west-1"];
    private static readonly string?[] Addresses = [null, "203.0.113.9", "198.51.100.7", "198.51.100.200", "2001:db8::1", "2001:db9::1", "192.0.2.1", "10.1.2.3"];

    /// <summary>
    /// A random request that AWS could send for <paramref name="principal"/> (the facts the prover
    /// assumes hold: principal keys set, aws:ViaAWSService and the time keys present, no MFA age
    /// without MFA, no aws:SourceIp through a VPC endpoint), aimed at what <paramref name="property"/> is about.
    /// </summary>
    public static AuthorizationRequest Request(System.Random random, VerificationProperty property, ProverPrincipal principal)
    {
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        var name = principal.Name ?? Pick(["alice", "bob", "a.b"]);
        var path = principal.Path ?? Pick(["/", "/ops/"]);
        var arn = $"arn:aws:iam::{principal.Account}:user{path}{name}";
        var context = new RequestContext()
            .Set("aws:username", name).Set("aws:PrincipalArn", arn).Set("aws:PrincipalAccount", principal.Account).Set("aws:PrincipalType", "User")
            .Set("aws:userid", Pick(["AIDAEXAMPLE", "x"])).Set("aws:ViaAWSService", Pick(["true", "false"])).Set("aws:SecureTransport", Pick(["true", "false"]))
            .Set("aws:CurrentTime", Pick(["2025-06-01T12:00:00Z", "2027-01-01T00:00:00Z"])).Set("aws:EpochTime", Pick(["1600000000", "1750000000", "1900000000"]));
        void Maybe(string key, IReadOnlyList<string?> values)
        {
            var v = Pick(values);
            if (v is not null) context.Set(key, v);
        }
        Maybe("aws:MultiFactorAuthPresent", [null, "true", "false"]);
        if (context.Find("aws:MultiFactorAuthPresent")?[0] == "true") Maybe("aws:MultiFactorAuthAge", [null, "60", "7200"]);
        Maybe("aws:SourceIp", Addresses);
        Maybe("aws:SourceVpce", [null, null, "vpce-1a2b3c4d", "vpce-other"]);
        if (context.Contains("aws:SourceVpce")) { context.Remove("aws:SourceIp"); Maybe("aws:VpcSourceIp", ["10.1.2.3", "172.16.0.1"]); }
        if (principal.Tags is { } tags) foreach (var (k, v) in tags) context.Set("aws:PrincipalTag/" + k, v);
        else { Maybe("aws:PrincipalTag/team", TextValues); Maybe("aws:PrincipalTag/owner", TextValues); Maybe("aws:PrincipalTag/secure", [null, "true", "FALSE", "x"]); Maybe("aws:PrincipalTag/cert", [null, "QUJD", "QUJE"]); }
        Maybe("s3:prefix", TextValues);
        Maybe("s3:max-keys", [null, "3", "7", "10.5", "10.49", "-1"]);
        Maybe("aws:RequestedRegion", TextValues);
        var tagKeys = Pick<string[]?>([null, [], ["a1"], ["a1", "b"], ["x"], ["x", "c"]]);
        if (tagKeys is not null) context.SetList("aws:TagKeys", tagKeys);
        var calledVia = Pick<string[]?>([null, ["cloudformation.amazonaws.com"], ["athena.amazonaws.com"]]);
        if (calledVia is not null) context.SetList("aws:CalledVia", calledVia);

        string action, resource;
        switch (property)
        {
            case MfaEnrollableProperty enrol:
                var (a, target) = Pick(enrol.Actions);
                action = a;
                resource = target switch
                {
                    MfaEnrollableProperty.Target.OwnUser => arn,
                    MfaEnrollableProperty.Target.OwnMfaDevice => $"arn:aws:iam::{principal.Account}:mfa/{name}",
                    _ => "*",
                };
                break;
            case NeverProperty never:
                var matches = ActionCatalog.Default.Expand(never.Pattern).Select(x => x.FullName).Take(50).ToList();
                action = matches.Count > 0 ? Pick(matches) : never.Pattern;
                resource = Pick(RequestResources(name, path, principal.Account));
                break;
            default:
                action = Pick(["s3:GetObject", "s3:PutObject", "iam:ChangePassword", "iam:GetUser", "iam:CreateUser", "ec2:DescribeInstances", "sts:GetSessionToken", "s3:newthingx", "iam:ListMFADevices", "iam:ListUsers"]);
                resource = Pick(RequestResources(name, path, principal.Account));
                break;
        }
        return new AuthorizationRequest(PrincipalIdentity.Parse(arn), action, resource, context);
    }

    private static string[] RequestResources(string name, string path, string account) =>
        ["*", "arn:aws:s3:::b/k", "arn:aws:s3:::b", "arn:aws:s3:::b/dev/x", "arn:aws:s3:::b/home/AIDAEXAMPLE", "arn:aws:s3:::b/home/none",
         $"arn:aws:iam::{account}:user{path}{name}", $"arn:aws:iam::{account}:mfa/{name}", "arn:aws:iam::123456789012:user/alice2", "arn:aws:ec2:us-east-1:123456789012:instance/i-1"];

    private static JsonObject Build(string effect, bool notAction, string[] actions, bool notResource, string[] resources, string[] conditions)
    {
        var statement = new JsonObject
        {
            ["Effect"] = effect,
            [notAction ? "NotAction" : "Action"] = new JsonArray(actions.Select(a => (JsonNode)a!).ToArray()),
            [notResource ? "NotResource" : "Resource"] = new JsonArray(resources.Select(r => (JsonNode)r!).ToArray()),
        };
        if (conditions.Length > 0)
        {
            var block = new JsonObject();
            foreach (var c in conditions)
                foreach (var (op, body) in JsonNode.Parse(c)!.AsObject())
                {
                    if (!block.ContainsKey(op)) block[op] = new JsonObject();
                    foreach (var (key, value) in body!.AsObject())
                        if (!block[op]!.AsObject().ContainsKey(key)) block[op]![key] = value!.DeepClone();
                }
            statement["Condition"] = block;
        }
        return statement;
    }
}
