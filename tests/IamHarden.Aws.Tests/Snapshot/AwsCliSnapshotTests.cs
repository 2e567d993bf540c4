using System.Globalization;
using System.Text.Json.Nodes;
using IamHarden.Analysis.Audit;
using IamHarden.Analysis.Audit.Access;
using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Snapshot;
using IamHarden.Aws.Tests.Infrastructure;
using IamHarden.Core.Policy;

namespace IamHarden.Aws.Tests.Snapshot;

/// <summary>
/// A snapshot written by the AWS CLI itself (the five commands README.md lists) against moto_server
/// is read back by the audit's snapshot reader without loss: every user, group, role and managed
/// policy with its paths, tags, boundary, versions and documents, every credential-report row,
/// the summary, the password policy and the MFA devices — compared field by field with an
/// independent reading of the CLI's own output. Both timestamp styles (CLI v2 ISO 8601, CLI v1
/// wire) are read. Then the audit runs on it.
/// </summary>
public sealed class AwsCliSnapshotTests(SeededAccount account) : IClassFixture<SeededAccount>
{
    private async Task<string> WriteWithAwsCli(CliTimestampFormat timestamps)
    {
        var directory = TestEnvironment.NewDirectory("aws-cli-snapshot");
        async Task Save(string file, params string[] command) =>
            await File.WriteAllTextAsync(Path.Combine(directory, file), await AwsCli.RunAsync(account.Endpoint, timestamps, command));
        await Save(SnapshotFiles.AuthorizationDetails, "iam", "get-account-authorization-details");
        await Save(SnapshotFiles.AccountSummary, "iam", "get-account-summary");
        await Save(SnapshotFiles.PasswordPolicy, "iam", "get-account-password-policy");
        await Save(SnapshotFiles.VirtualMfaDevices, "iam", "list-virtual-mfa-devices");
        await AwsCli.RunAsync(account.Endpoint, timestamps, "iam", "generate-credential-report");
        // aws iam get-credential-report --query Content --output text | base64 -d
        var content = (await AwsCli.RunAsync(account.Endpoint, timestamps, "iam", "get-credential-report", "--query", "Content", "--output", "text")).Trim();
        await File.WriteAllBytesAsync(Path.Combine(directory, SnapshotFiles.CredentialReport), Convert.FromBase64String(content));
        return directory;
    }

    [Theory]
    [InlineData(CliTimestampFormat.Iso8601)]
    [InlineData(CliTimestampFormat.Wire)]
    public async Task The_aws_clis_snapshot_is_read_back_without_loss(CliTimestampFormat timestamps)
    {
        var directory = await WriteWithAwsCli(timestamps);
        var snapshot = SnapshotReader.Read(directory, BundledAwsManagedPolicies.Find);
        var cli = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory, SnapshotFiles.AuthorizationDetails)))!;

        Assert.Empty(snapshot.Warnings);
        Assert.Equal(AccountSeeder.Account, snapshot.AccountId);
        Assert.Equal("aws", snapshot.Partition);

        var users = cli["UserDetailList"]!.AsArray();
        Assert.Equal(users.Count, snapshot.Users.Count);
        foreach (var expected in users)
        {
            var user = snapshot.Users.Single(u => u.Arn == (string)expected!["Arn"]!);
            Assert.Equal((string)expected!["UserName"]!, user.Name);
            Assert.Equal((string)expected["Path"]!, user.Path);
            Assert.Equal((string)expected["UserId"]!, user.UserId);
            Assert.Equal(Date(expected["CreateDate"]), user.CreateDate);
            Assert.Equal(expected["GroupList"]!.AsArray().Select(g => (string)g!), user.GroupNames);
            Assert.Equal(Attached(expected), user.AttachedPolicies.Select(a => (a.Name, a.Arn)));
            Assert.Equal((string?)expected["PermissionsBoundary"]?["PermissionsBoundaryArn"], user.PermissionsBoundaryArn);
            Assert.Equal(Tags(expected), user.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value)));
            AssertInline(expected["UserPolicyList"], user.InlinePolicies, user.Arn);
            Assert.NotNull(user.Credentials);
        }
        Assert.Equal("앨리스 \"A\" <a&b>", snapshot.Users.Single(u => u.Name == "alice").Tags["이름"]);

        var groups = cli["GroupDetailList"]!.AsArray();
        Assert.Equal(groups.Count, snapshot.Groups.Count);
        foreach (var expected in groups)
        {
            var group = snapshot.Groups.Single(g => g.Arn == (string)expected!["Arn"]!);
            Assert.Equal((string)expected!["GroupName"]!, group.Name);
            Assert.Equal((string)expected["Path"]!, group.Path);
            Assert.Equal((string)expected["GroupId"]!, group.GroupId);
            Assert.Equal(Attached(expected), group.AttachedPolicies.Select(a => (a.Name, a.Arn)));
            AssertInline(expected["GroupPolicyList"], group.InlinePolicies, group.Arn);
        }

        var roles = cli["RoleDetailList"]!.AsArray();
        Assert.Equal(roles.Count, snapshot.Roles.Count);
        foreach (var expected in roles)
        {
            var role = snapshot.Roles.Single(r => r.Arn == (string)expected!["Arn"]!);
            Assert.Equal((string)expected!["RoleName"]!, role.Name);
            Assert.Equal((string)expected["Path"]!, role.Path);
            Assert.Equal(Attached(expected), role.AttachedPolicies.Select(a => (a.Name, a.Arn)));
            Assert.Equal((string?)expected["PermissionsBoundary"]?["PermissionsBoundaryArn"], role.PermissionsBoundaryArn);
            AssertSameDocument(expected["AssumeRolePolicyDocument"]!, role.TrustPolicy!, PolicyKind.Trust);
            AssertInline(expected["RolePolicyList"], role.InlinePolicies, role.Arn);
        }
        Assert.Equal("arn:aws:iam::123456789012:policy/boundaries/DeveloperBoundary", snapshot.Roles.Single(r => r.Name == "app-server").PermissionsBoundaryArn);

        var policies = cli["Policies"]!.AsArray();
        Assert.Equal(policies.Count, snapshot.ManagedPolicies.Count);
        foreach (var expected in policies)
        {
            var policy = snapshot.ManagedPolicies[(string)expected!["Arn"]!];
            // moto leaves PolicyName out of AWS managed policies; the name is then the ARN's last segment.
            Assert.Equal((string?)expected!["PolicyName"] ?? policy.Arn.Split('/')[^1], policy.Name);
            Assert.Equal((string)expected["Path"]!, policy.Path);
            Assert.Equal((string)expected["DefaultVersionId"]!, policy.DefaultVersionId);
            Assert.Equal((int)expected["AttachmentCount"]!, policy.AttachmentCount);
            var versions = expected["PolicyVersionList"]!.AsArray();
            Assert.Equal(versions.Count, policy.VersionCount);
            var defaultVersion = versions.Single(v => (bool)v!["IsDefaultVersion"]!)!;
            Assert.Equal(policy.DefaultVersionId, (string)defaultVersion["VersionId"]!);
            AssertSameDocument(defaultVersion["Document"]!, policy.Document, PolicyKind.Identity);
            Assert.False(policy.FromBundledCorpus);
        }
        Assert.Equal(2, snapshot.ManagedPolicies.Values.Single(p => p.Name == "Force_MFA").VersionCount);

        AssertCredentialReport(directory, snapshot);

        var summary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory, SnapshotFiles.AccountSummary)))!["SummaryMap"]!.AsObject();
        Assert.Equal(summary.Select(kv => (kv.Key, (long)kv.Value!)).OrderBy(kv => kv.Key), snapshot.AccountSummary.Select(kv => (kv.Key, kv.Value)).OrderBy(kv => kv.Key));

        var password = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory, SnapshotFiles.PasswordPolicy)))!["PasswordPolicy"]!;
        var pp = snapshot.PasswordPolicy!;
        Assert.Equal((int)password["MinimumPasswordLength"]!, pp.MinimumPasswordLength);
        Assert.Equal((int?)password["MaxPasswordAge"], pp.MaxPasswordAge);
        Assert.Equal((int?)password["PasswordReusePrevention"], pp.PasswordReusePrevention);
        Assert.Equal((bool)password["RequireSymbols"]!, pp.RequireSymbols);
        Assert.Equal((bool)password["RequireNumbers"]!, pp.RequireNumbers);
        Assert.Equal((bool)password["RequireUppercaseCharacters"]!, pp.RequireUppercaseCharacters);
        Assert.Equal((bool)password["RequireLowercaseCharacters"]!, pp.RequireLowercaseCharacters);
        Assert.Equal((bool)password["AllowUsersToChangePassword"]!, pp.AllowUsersToChangePassword);
        Assert.Equal((bool)password["ExpirePasswords"]!, pp.ExpirePasswords);

        var devices = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory, SnapshotFiles.VirtualMfaDevices)))!["VirtualMFADevices"]!.AsArray();
        Assert.Equal(devices.Select(d => ((string)d!["SerialNumber"]!, (string?)d["User"]?["Arn"], Date(d["EnableDate"]))),
            snapshot.VirtualMfaDevices.Select(d => (d.SerialNumber, d.UserArn, d.EnableDate)));
        Assert.Contains(snapshot.VirtualMfaDevices, d => d.UserArn is null); // the unassigned spare
    }

    [Fact]
    public async Task The_audit_runs_on_the_aws_clis_snapshot()
    {
        var directory = await WriteWithAwsCli(CliTimestampFormat.Iso8601);
        var snapshot = SnapshotReader.Read(directory, BundledAwsManagedPolicies.Find);
        var asOf = DateTimeOffset.UtcNow;
        var report = AuditRunner.Run(snapshot, new AuditRunner.Options
        {
            Config = new IamHardenConfig { AllowedCidrs = ["203.0.113.0/24"], BreakGlass = new BreakGlassSettings { Users = ["break-glass"] } },
            AsOf = asOf,
            Access = new SearchAccessAnalyzer(asOf),
        });
        string User(string name) => snapshot.Users.Single(u => u.Name == name).Arn;
        bool Has(string check, string subject) => report.Findings.Any(f => f.Check.Id == check && f.Subject == subject);
        // bob: console password, no MFA device, two access keys, an inline policy of his own.
        Assert.True(Has("console_mfa_enabled", User("bob")));
        Assert.True(Has("multiple_active_keys", User("bob")));
        Assert.True(Has("console_and_api_keys", User("bob")));
        Assert.True(Has("policy_attached_to_user", User("bob")));
        // carol: an access key and no console password — automation.
        Assert.True(Has("automation_user", User("carol")));
        Assert.True(Has("policy_attached_to_user", User("dave")));
        Assert.False(Has("console_mfa_enabled", User("alice")));
        Assert.False(Has("break_glass_missing", snapshot.RootArn));
        Assert.Equal(snapshot.Users.Count, report.Users.Count);
    }

    private static DateTimeOffset? Date(JsonNode? node) => node is null ? null
        : DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static IEnumerable<(string, string)> Attached(JsonNode principal) =>
        principal["AttachedManagedPolicies"]!.AsArray().Select(a => ((string)a!["PolicyName"]!, (string)a["PolicyArn"]!));

    private static IEnumerable<(string, string)> Tags(JsonNode principal) =>
        (principal["Tags"]?.AsArray() ?? []).Select(t => ((string)t!["Key"]!, (string)t["Value"]!)).OrderBy(t => t.Item1, StringComparer.Ordinal);

    private static void AssertInline(JsonNode? expected, IReadOnlyList<InlinePolicy> actual, string holderArn)
    {
        var list = expected?.AsArray() ?? [];
        Assert.Equal(list.Count, actual.Count);
        foreach (var (e, a) in list.Zip(actual))
        {
            Assert.Equal((string)e!["PolicyName"]!, a.Name);
            Assert.Equal(holderArn, a.HolderArn);
            AssertSameDocument(e["PolicyDocument"]!, a.Document, PolicyKind.Identity);
        }
    }

    /// <summary>The document read equals the CLI's document: same canonical form, and the CLI's JSON is reproduced member for member.</summary>
    private static void AssertSameDocument(JsonNode cliDocument, PolicyDocument read, PolicyKind kind)
    {
        var independent = PolicyParser.Parse(cliDocument.ToJsonString(), "cli", kind).GetDocumentOrThrow("cli");
        Assert.Equal(PolicyPrinter.Print(independent), PolicyPrinter.Print(read));
        Assert.True(JsonNode.DeepEquals(ConditionValuesAsText(cliDocument), JsonNode.Parse(PolicyPrinter.Print(read))),
            $"the document read differs from the CLI's:\n{cliDocument.ToJsonString()}\n{PolicyPrinter.Print(read, indented: false)}");
    }

    /// <summary>
    /// The CLI's document with condition values written as text: IAM compares condition values as
    /// strings (a JSON true and "true" are the same policy), and the model keeps each value's text.
    /// </summary>
    private static JsonNode ConditionValuesAsText(JsonNode document)
    {
        var copy = document.DeepClone();
        var statements = copy["Statement"] is JsonArray list ? list.ToList() : [copy["Statement"]];
        foreach (var statement in statements)
            foreach (var (_, keys) in statement?["Condition"]?.AsObject() ?? [])
                foreach (var key in keys!.AsObject().Select(k => k.Key).ToList())
                {
                    var value = keys[key]!;
                    keys[key] = value is JsonArray values
                        ? new JsonArray(values.Select(v => (JsonNode)Text(v!)).ToArray())
                        : Text(value);
                }
        return copy;
        static JsonValue Text(JsonNode value) => JsonValue.Create(value.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)value! : value.ToJsonString());
    }

    private static void AssertCredentialReport(string directory, AccountSnapshot snapshot)
    {
        var lines = File.ReadAllLines(Path.Combine(directory, SnapshotFiles.CredentialReport));
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        // moto's report has no <root_account> row (AWS's always does); every user has one.
        Assert.Equal(snapshot.Users.Count + (snapshot.Root is null ? 0 : 1), lines.Length - 1);
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            var row = f[Col("user")] == "<root_account>" ? snapshot.Root! : snapshot.Users.Single(u => u.Arn == f[Col("arn")]).Credentials!;
            Assert.Equal(f[Col("arn")], row.Arn);
            if (!row.IsRoot) Assert.Equal(bool.Parse(f[Col("password_enabled")]), row.PasswordEnabled);
            Assert.Equal(bool.Parse(f[Col("mfa_active")]), row.MfaActive);
            for (int slot = 1; slot <= 2; slot++)
            {
                var key = row.AccessKeys[slot - 1];
                Assert.Equal(bool.Parse(f[Col($"access_key_{slot}_active")]), key.Active);
                var rotated = f[Col($"access_key_{slot}_last_rotated")];
                Assert.Equal(rotated is "N/A" or "not_supported" ? null : Date(rotated), key.LastRotated);
            }
        }
        Assert.Equal(2, snapshot.Users.Single(u => u.Name == "bob").ActiveAccessKeys.Count());
        Assert.True(snapshot.Users.Single(u => u.Name == "alice").HasMfa);
    }
}
