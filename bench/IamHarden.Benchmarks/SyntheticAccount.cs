using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace IamHarden.Benchmarks;

/// <summary>
/// Writes a synthetic account snapshot for the audit benchmark (issue target: 10,000 users,
/// 1,000 groups, 3,000 customer managed policies), in exactly the AWS CLI's file formats.
/// Deterministic for a seed. Policies mix the shapes real accounts have: service access scoped to
/// buckets, tables and functions, read-only sets, guardrails (MFA and IP denies, some broken),
/// and a few admin policies; users mix console and key-only, with and without MFA.
/// </summary>
public static class SyntheticAccount
{
    private const string Account = "210987654321";
    private static readonly string[] Services = ["s3", "ec2", "dynamodb", "lambda", "sqs", "sns", "logs", "kms", "rds", "cloudwatch", "ecr", "ecs", "secretsmanager", "ssm"];

    public static void Write(string directory, int users = 10_000, int groups = 1_000, int policies = 3_000, int seed = 42)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(seed);
        var policyArns = new List<string>();
        var policyList = new JsonArray();
        for (int i = 0; i < policies; i++)
        {
            var name = $"team-policy-{i:D4}";
            var arn = $"arn:aws:iam::{Account}:policy/teams/{name}";
            policyArns.Add(arn);
            policyList.Add(new JsonObject
            {
                ["PolicyName"] = name, ["PolicyId"] = $"ANPASYNTH{i:D8}", ["Arn"] = arn, ["Path"] = "/teams/",
                ["DefaultVersionId"] = "v1", ["AttachmentCount"] = 1, ["PermissionsBoundaryUsageCount"] = 0, ["IsAttachable"] = true,
                ["CreateDate"] = "2024-01-01T00:00:00+00:00", ["UpdateDate"] = "2025-01-01T00:00:00+00:00",
                ["PolicyVersionList"] = new JsonArray(new JsonObject
                {
                    ["Document"] = Policy(random, i), ["VersionId"] = "v1", ["IsDefaultVersion"] = true, ["CreateDate"] = "2025-01-01T00:00:00+00:00",
                }),
            });
        }
        var awsManaged = new[] { "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/PowerUserAccess", "arn:aws:iam::aws:policy/AdministratorAccess" };
        var groupList = new JsonArray();
        for (int g = 0; g < groups; g++)
        {
            var attached = new JsonArray();
            foreach (var index in Enumerable.Range(0, 3).Select(k => (g * 3 + k) % policies))
                attached.Add(new JsonObject { ["PolicyName"] = $"team-policy-{index:D4}", ["PolicyArn"] = policyArns[index] });
            if (g % 50 == 0) attached.Add(new JsonObject { ["PolicyName"] = "AdministratorAccess", ["PolicyArn"] = awsManaged[2] });
            else if (g % 10 == 0) attached.Add(new JsonObject { ["PolicyName"] = "ReadOnlyAccess", ["PolicyArn"] = awsManaged[0] });
            groupList.Add(new JsonObject
            {
                ["Path"] = "/", ["GroupName"] = $"group-{g:D4}", ["GroupId"] = $"AGPASYNTH{g:D8}", ["Arn"] = $"arn:aws:iam::{Account}:group/group-{g:D4}",
                ["CreateDate"] = "2023-01-01T00:00:00+00:00", ["GroupPolicyList"] = new JsonArray(), ["AttachedManagedPolicies"] = attached,
            });
        }
        var userList = new JsonArray();
        var report = new StringBuilder("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n");
        report.Append($"<root_account>,arn:aws:iam::{Account}:root,2019-01-01T00:00:00+00:00,not_supported,2026-06-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n");
        var asOf = new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);
        string Day(int daysAgo) => asOf.AddDays(-daysAgo).ToString("yyyy-MM-ddTHH:mm:ss+00:00", CultureInfo.InvariantCulture);
        for (int u = 0; u < users; u++)
        {
            var name = $"user-{u:D5}";
            // Most users belong to one team group; some to two (a team and a shared one).
            var memberOf = new JsonArray((JsonNode)$"group-{u % groups:D4}");
            if (random.Next(4) == 0) memberOf.Add($"group-{random.Next(groups / 10) * 10:D4}");
            userList.Add(new JsonObject
            {
                ["Path"] = "/", ["UserName"] = name, ["UserId"] = $"AIDASYNTH{u:D8}", ["Arn"] = $"arn:aws:iam::{Account}:user/{name}",
                ["CreateDate"] = Day(400), ["UserPolicyList"] = new JsonArray(), ["GroupList"] = memberOf, ["AttachedManagedPolicies"] = new JsonArray(), ["Tags"] = new JsonArray(),
            });
            bool console = random.Next(10) < 7, mfa = console && random.Next(10) < 8;
            int keys = console ? (random.Next(10) == 0 ? 1 : 0) : 1 + (random.Next(20) == 0 ? 1 : 0);
            report.Append($"{name},arn:aws:iam::{Account}:user/{name},{Day(400)},{(console ? "true" : "false")},{(console ? Day(random.Next(120)) : "N/A")},{(console ? Day(300) : "N/A")},N/A,{(mfa ? "true" : "false")}");
            for (int slot = 1; slot <= 2; slot++)
                report.Append(slot <= keys ? $",true,{Day(random.Next(20, 400))},{Day(random.Next(0, 60))},us-east-1,s3" : ",false,N/A,N/A,N/A,N/A");
            report.Append(",false,N/A,false,N/A\n");
        }
        foreach (var arn in awsManaged)
        {
            var name = arn.Split('/')[^1];
            policyList.Add(new JsonObject
            {
                ["PolicyName"] = name, ["PolicyId"] = "ANPAAWS" + name.ToUpperInvariant()[..6], ["Arn"] = arn, ["Path"] = "/", ["DefaultVersionId"] = "v1",
                ["AttachmentCount"] = 1, ["PermissionsBoundaryUsageCount"] = 0, ["IsAttachable"] = true,
                ["CreateDate"] = "2015-02-06T00:00:00+00:00", ["UpdateDate"] = "2025-01-01T00:00:00+00:00",
                ["PolicyVersionList"] = new JsonArray(new JsonObject
                {
                    ["Document"] = JsonNode.Parse(AwsManagedDocument(name)), ["VersionId"] = "v1", ["IsDefaultVersion"] = true, ["CreateDate"] = "2025-01-01T00:00:00+00:00",
                }),
            });
        }
        var details = new JsonObject { ["UserDetailList"] = userList, ["GroupDetailList"] = groupList, ["RoleDetailList"] = new JsonArray(), ["Policies"] = policyList };
        File.WriteAllText(Path.Combine(directory, "authorization-details.json"), details.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(Path.Combine(directory, "credential-report.csv"), report.ToString());
        File.WriteAllText(Path.Combine(directory, "account-summary.json"),
            new JsonObject { ["SummaryMap"] = new JsonObject { ["AccountMFAEnabled"] = 1, ["AccountAccessKeysPresent"] = 0, ["Users"] = users, ["Groups"] = groups, ["Policies"] = policies } }.ToJsonString());
        File.WriteAllText(Path.Combine(directory, "password-policy.json"), """{"PasswordPolicy": {"MinimumPasswordLength": 14, "RequireSymbols": true, "RequireNumbers": true, "RequireUppercaseCharacters": true, "RequireLowercaseCharacters": true, "AllowUsersToChangePassword": true, "ExpirePasswords": false, "PasswordReusePrevention": 24}}""");
        File.WriteAllText(Path.Combine(directory, "virtual-mfa-devices.json"), """{"VirtualMFADevices": []}""");
        File.WriteAllText(Path.Combine(directory, "iamharden.yaml"), "allowedCidrs: [203.0.113.0/24, 2001:db8:1234::/48]\nbreakGlass:\n  users: [user-00000]\n");
    }

    private static JsonObject Policy(Random random, int index)
    {
        var service = Services[index % Services.Length];
        var statements = new JsonArray();
        switch (index % 10)
        {
            case 0: // the recommended MFA guardrail, by another name
                statements.Add(Statement("Deny", "NotAction", ["iam:ChangePassword", "iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice", "iam:EnableMFADevice", "iam:GetAccountPasswordPolicy", "iam:GetUser", "iam:ListMFADevices", "iam:ListVirtualMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken"], ["*"],
                    new JsonObject { ["BoolIfExists"] = new JsonObject { ["aws:MultiFactorAuthPresent"] = "false" } }));
                break;
            case 1: // an IP guardrail with the service guard
                statements.Add(Statement("Deny", "Action", ["*"], ["*"], new JsonObject
                {
                    ["NotIpAddress"] = new JsonObject { ["aws:SourceIp"] = new JsonArray("203.0.113.0/24", "2001:db8:1234::/48") },
                    ["Bool"] = new JsonObject { ["aws:ViaAWSService"] = "false" },
                }));
                break;
            case 2: // read-only on a service
                statements.Add(Statement("Allow", "Action", [$"{service}:Describe*", $"{service}:Get*", $"{service}:List*"], ["*"]));
                break;
            case 3: // a broken MFA guardrail (Bool: access keys escape)
                statements.Add(Statement("Deny", "NotAction", ["iam:*MFA*", "iam:GetUser", "sts:GetSessionToken"], ["*"],
                    new JsonObject { ["Bool"] = new JsonObject { ["aws:MultiFactorAuthPresent"] = "false" } }));
                break;
            default: // service access scoped to named resources, sometimes tag-conditioned
                var resources = Enumerable.Range(0, 1 + random.Next(3)).Select(k => $"arn:aws:{service}:*:{Account}:*{service}-team{index}-{k}*").ToList();
                if (service == "s3") resources = [$"arn:aws:s3:::team{index}-data", $"arn:aws:s3:::team{index}-data/*"];
                var condition = random.Next(4) == 0 ? new JsonObject { ["StringEquals"] = new JsonObject { ["aws:RequestedRegion"] = new JsonArray("us-east-1", "eu-west-1") } } : null;
                statements.Add(Statement("Allow", "Action", [$"{service}:*"], resources, condition));
                if (random.Next(5) == 0) statements.Add(Statement("Allow", "Action", ["iam:PassRole"], [$"arn:aws:iam::{Account}:role/team{index}-*"]));
                break;
        }
        return new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements };
    }

    private static JsonObject Statement(string effect, string actionElement, string[] actions, IEnumerable<string> resources, JsonObject? condition = null)
    {
        var statement = new JsonObject
        {
            ["Effect"] = effect,
            [actionElement] = new JsonArray(actions.Select(a => (JsonNode)a).ToArray()),
            ["Resource"] = new JsonArray(resources.Select(r => (JsonNode)r).ToArray()),
        };
        if (condition is not null) statement["Condition"] = condition;
        return statement;
    }

    private static string AwsManagedDocument(string name)
    {
        using var gz = new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "fixtures", "managed-policies", "managed-policies.jsonl.gz")), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        while (reader.ReadLine() is { } line)
        {
            var node = JsonNode.Parse(line)!;
            if (node["name"]!.GetValue<string>() == name) return node["document"]!.ToJsonString();
        }
        throw new InvalidOperationException(name);
    }
}
