using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using IamHarden.Core.Evaluation;

namespace IamHarden.Core.Tests.Evaluation;

/// <summary>FsCheck generators for identity policies and requests drawn from a vocabulary where they often interact.</summary>
public static class RandomPolicies
{
    private static readonly string[] Actions =
        ["*", "s3:*", "s3:GetObject", "s3:Get*", "s3:PutObject", "iam:*", "iam:CreateUser", "iam:*MFA*", "iam:ListMFADevices", "ec2:Describe*", "sts:GetSessionToken", "IAM:getuser", "s3:Get?bject"];
    private static readonly string[] Resources =
        ["*", "arn:aws:s3:::b/*", "arn:aws:s3:::b", "arn:aws:s3:::b*", "arn:aws:iam::*:user/${aws:username}", "arn:aws:iam::123456789012:user/alice", "arn:aws:s3:*", "arn:aws:ec2:*:*:instance/*"];
    private static readonly string[] Conditions =
    [
        """{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}""",
        """{"Bool":{"aws:MultiFactorAuthPresent":"true"}}""",
        """{"NotIpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::/32"]}}""",
        """{"IpAddress":{"aws:SourceIp":"198.51.100.0/24"}}""",
        """{"StringEquals":{"aws:username":"alice"}}""",
        """{"StringNotEquals":{"aws:PrincipalTag/team":"${aws:username}"}}""",
        """{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}""",
        """{"ForAnyValue:StringLike":{"aws:TagKeys":"x*"}}""",
        """{"NumericLessThanIfExists":{"aws:MultiFactorAuthAge":"3600"}}""",
        """{"DateGreaterThan":{"aws:CurrentTime":"2025-01-01T00:00:00Z"}}""",
        """{"Null":{"aws:SourceIp":"true"}}""",
        """{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/a*"}}""",
        """{"Bool":{"aws:ViaAWSService":"false"}}""",
    ];

    public static Gen<JsonObject> Statement(bool? allow = null) =>
        from effect in allow is null ? Gen.Elements("Allow", "Deny") : Gen.Constant(allow.Value ? "Allow" : "Deny")
        from notAction in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from actions in Gen.NonEmptyListOf(Gen.Elements(Actions)).Select(l => l.Take(3).Distinct().ToArray())
        from notResource in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from resources in Gen.NonEmptyListOf(Gen.Elements(Resources)).Select(l => l.Take(2).Distinct().ToArray())
        from conditions in Gen.ListOf(Gen.Elements(Conditions)).Select(l => l.Take(2).Distinct().ToArray())
        select BuildStatement(effect, notAction, actions, notResource, resources, conditions);

    public static Gen<string> Policy(bool? allow = null) =>
        Gen.NonEmptyListOf(Statement(allow)).Select(statements =>
        {
            var array = new JsonArray();
            foreach (var s in statements.Take(4)) array.Add(s);
            return new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = array }.ToJsonString();
        });

    public static Gen<string[]> PolicySet =>
        Gen.NonEmptyListOf(Policy()).Select(l => l.Take(3).ToArray());

    public static Gen<AuthorizationRequest> Request =>
        from target in Gen.Elements(
            ("s3:GetObject", "arn:aws:s3:::b/k"), ("s3:PutObject", "arn:aws:s3:::bucket2/x"), ("s3:ListBucket", "arn:aws:s3:::b"),
            ("iam:CreateUser", "arn:aws:iam::123456789012:user/bob"), ("iam:GetUser", "arn:aws:iam::123456789012:user/alice"),
            ("iam:ListMFADevices", "arn:aws:iam::123456789012:user/alice"), ("ec2:DescribeInstances", "*"), ("sts:GetSessionToken", "*"))
        from mfa in Gen.Elements<string?>(null, "true", "false")
        from ip in Gen.Elements<string?>(null, "203.0.113.9", "198.51.100.7", "2001:db8::1", "192.0.2.1")
        from username in Gen.Elements<string?>(null, "alice")
        from tags in Gen.Elements<string[]?>(null, [], ["a"], ["a", "c"], ["x1"])
        from via in Gen.Elements<string?>(null, "true", "false")
        select MakeRequest(target.Item1, target.Item2, mfa, ip, username, tags, via);

    private static AuthorizationRequest MakeRequest(string action, string resource, string? mfa, string? ip, string? username, string[]? tags, string? via)
    {
        var context = new RequestContext();
        if (mfa is not null) context.Set("aws:MultiFactorAuthPresent", mfa);
        if (ip is not null) context.Set("aws:SourceIp", ip);
        if (username is not null) context.Set("aws:username", username).Set("aws:PrincipalArn", $"arn:aws:iam::123456789012:user/{username}");
        if (tags is not null) context.SetList("aws:TagKeys", tags);
        if (via is not null) context.Set("aws:ViaAWSService", via);
        context.Set("aws:CurrentTime", "2025-06-01T12:00:00Z");
        return new AuthorizationRequest(PrincipalIdentity.DefaultUser, action, resource, context);
    }

    private static JsonObject BuildStatement(string effect, bool notAction, string[] actions, bool notResource, string[] resources, string[] conditions)
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
                    if (!block.ContainsKey(op)) block[op] = body!.DeepClone();
            statement["Condition"] = block;
        }
        return statement;
    }
}
