using IamHarden.Analysis.Snapshot;

namespace IamHarden.Analysis.Tests.Snapshot;

/// <summary>The snapshot reader: tolerant of what real accounts hold, strict (file and line) about what is broken.</summary>
public class SnapshotReaderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "iamharden-snapshot-" + Guid.NewGuid().ToString("N"));

    public SnapshotReaderTests()
    {
        Directory.CreateDirectory(_directory);
        foreach (var file in Directory.GetFiles(Fixtures.Sample("account")))
            File.Copy(file, Path.Combine(_directory, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string file) => Path.Combine(_directory, file);

    [Fact]
    public void Reads_the_sample_account()
    {
        var snapshot = SnapshotReader.Read(_directory, BundledAwsManagedPolicies.Find);
        Assert.Equal("111122223333", snapshot.AccountId);
        Assert.Equal(31, snapshot.Users.Count);
        Assert.All(snapshot.Users, u => Assert.NotNull(u.Credentials));
        Assert.Empty(snapshot.Warnings);
        Assert.True(snapshot.Root!.MfaActive);
        var mallory = snapshot.Users.Single(u => u.Name == "mallory");
        Assert.Equal("/engineering/", mallory.Path);
        Assert.Single(mallory.InlinePolicies);
        Assert.Equal(3, snapshot.ManagedPolicies.Values.Single(p => p.Name == "Force_MFA").VersionCount);
        Assert.Equal("플랫폼", snapshot.Users.Single(u => u.Name == "kim").Tags["팀"]);
        Assert.Equal("arn:aws:iam::111122223333:policy/boundaries/ReadOnlyBoundary", snapshot.Users.Single(u => u.Name == "rupert").PermissionsBoundaryArn);
        var role = snapshot.Roles.Single(r => r.Name == "github-deploy");
        Assert.Equal("/ci/", role.Path);
        Assert.Equal("sts:AssumeRoleWithWebIdentity", role.TrustPolicy!.Statements[0].Actions.Values[0].Value);
        Assert.Null(role.LastUsed);
        Assert.NotNull(snapshot.Roles.Single(r => r.Name == "app-server").LastUsed);
    }

    [Fact]
    public void Timestamps_of_both_cli_versions_and_extra_members_are_accepted()
    {
        // CLI v1 prints the wire form ("Z", fractional seconds), v2 "+00:00" (spec aws-iam-api.md §3); AWS adds members over time.
        var text = File.ReadAllText(PathOf(SnapshotFiles.AuthorizationDetails))
            .Replace("\"CreateDate\": \"2024-03-01T09:00:00+00:00\"", "\"CreateDate\": \"2024-03-01T09:00:00.123Z\", \"SomeFutureMember\": {\"a\": [1, 2]}");
        File.WriteAllText(PathOf(SnapshotFiles.AuthorizationDetails), text);
        var snapshot = SnapshotReader.Read(_directory, BundledAwsManagedPolicies.Find);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 0, 0, 123, TimeSpan.Zero), snapshot.Users.Single(u => u.Name == "alice").CreateDate);
    }

    [Fact]
    public void A_user_listed_twice_is_a_damaged_file()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(PathOf(SnapshotFiles.AuthorizationDetails)))!;
        node["UserDetailList"]!.AsArray().Add(node["UserDetailList"]![0]!.DeepClone());
        File.WriteAllText(PathOf(SnapshotFiles.AuthorizationDetails), node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        var error = Assert.Throws<SnapshotException>(() => SnapshotReader.Read(_directory)).Message;
        Assert.Matches(@"^authorization-details\.json:\d+: user alice .* is described twice \(also at line 3\)", error);
    }

    [Fact]
    public void Two_default_versions_of_a_policy_are_refused()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(PathOf(SnapshotFiles.AuthorizationDetails)))!;
        var policy = node["Policies"]!.AsArray().Single(p => p!["PolicyName"]!.GetValue<string>() == "Force_MFA")!;
        foreach (var version in policy["PolicyVersionList"]!.AsArray()) version!["IsDefaultVersion"] = true;
        File.WriteAllText(PathOf(SnapshotFiles.AuthorizationDetails), node.ToJsonString());
        Assert.Contains("3 versions with IsDefaultVersion true", Assert.Throws<SnapshotException>(() => SnapshotReader.Read(_directory)).Message);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_reported_with_its_position()
    {
        var bytes = File.ReadAllBytes(PathOf(SnapshotFiles.AuthorizationDetails));
        int at = System.Text.Encoding.UTF8.GetString(bytes).IndexOf("\"alice\"", StringComparison.Ordinal) + 1;
        bytes[at] = 0xE9; // "alice" in Latin-1 with an accent: not UTF-8
        File.WriteAllBytes(PathOf(SnapshotFiles.AuthorizationDetails), bytes);
        var error = Assert.Throws<SnapshotException>(() => SnapshotReader.Read(_directory)).Message;
        Assert.Matches(@"^authorization-details\.json:\d+:\d+: the text is not valid UTF-8", error);
    }

    [Fact]
    public void A_user_listed_twice_in_the_report_is_reported_with_both_lines()
    {
        var lines = File.ReadAllLines(PathOf(SnapshotFiles.CredentialReport)).ToList();
        lines.Add(lines[2]);
        File.WriteAllLines(PathOf(SnapshotFiles.CredentialReport), lines);
        var error = Assert.Throws<SnapshotException>(() => SnapshotReader.Read(_directory)).Message;
        Assert.StartsWith($"credential-report.csv:{lines.Count}: user alice", error);
        Assert.Contains("also on line 3", error);
    }

    [Fact]
    public void A_user_re_created_after_the_report_is_warned_about_and_its_old_row_not_used()
    {
        var lines = File.ReadAllLines(PathOf(SnapshotFiles.CredentialReport));
        int zoe = Array.FindIndex(lines, l => l.StartsWith("zoe,"));
        var fields = lines[zoe].Split(',');
        fields[2] = "2019-01-01T00:00:00+00:00";
        lines[zoe] = string.Join(',', fields);
        File.WriteAllLines(PathOf(SnapshotFiles.CredentialReport), lines);
        var snapshot = SnapshotReader.Read(_directory, BundledAwsManagedPolicies.Find);
        Assert.Contains(snapshot.Warnings, w => w.Line == zoe + 1 && w.Message.Contains("re-created after the report"));
        Assert.Null(snapshot.Users.Single(u => u.Name == "zoe").Credentials);
    }

    [Fact]
    public void A_report_file_written_long_before_the_details_is_warned_about()
    {
        File.SetLastWriteTimeUtc(PathOf(SnapshotFiles.CredentialReport), File.GetLastWriteTimeUtc(PathOf(SnapshotFiles.AuthorizationDetails)).AddDays(-2));
        var snapshot = SnapshotReader.Read(_directory, BundledAwsManagedPolicies.Find);
        Assert.Contains(snapshot.Warnings, w => w.File == SnapshotFiles.CredentialReport && w.Message.Contains("48 hours before authorization-details.json"));
    }

    [Theory]
    [InlineData(SnapshotFiles.AuthorizationDetails, "get-account-authorization-details")]
    [InlineData(SnapshotFiles.CredentialReport, "get-credential-report")]
    [InlineData(SnapshotFiles.AccountSummary, "get-account-summary")]
    [InlineData(SnapshotFiles.VirtualMfaDevices, "list-virtual-mfa-devices")]
    public void A_missing_file_is_named_with_the_command_that_produces_it(string file, string command)
    {
        File.Delete(PathOf(file));
        var error = Assert.Throws<SnapshotException>(() => SnapshotReader.Read(_directory));
        Assert.Contains(file, error.Message);
        Assert.Contains(command, error.Message);
    }

    [Fact]
    public void A_missing_password_policy_means_no_policy()
    {
        File.Delete(PathOf(SnapshotFiles.PasswordPolicy));
        Assert.Null(SnapshotReader.Read(_directory, BundledAwsManagedPolicies.Find).PasswordPolicy);
    }

    [Fact]
    public void Truncated_json_is_reported_with_file_and_line()
    {
        var text = File.ReadAllText(PathOf(SnapshotFiles.AuthorizationDetails));
        File.WriteAllText(PathOf(SnapshotFiles.AuthorizationDetails), text[..(text.Length / 2)]);
        var error = Assert.Throws<SnapshotException>(() => SnapshotReader.Read(_directory));
        Assert.Matches(@"^authorization-details\.json:\d+:\d+: ", error.Message);
    }

    [Fact]
    public void Wrong_shapes_are_explained()
    {
        File.WriteAllText(PathOf(SnapshotFiles.AuthorizationDetails), """{"UserDetailList": {"oops": 1}}""");
        var error = Assert.Throws<SnapshotException>(() => SnapshotReader.Read(_directory));
        Assert.Contains("authorization-details.json:1:", error.Message);
        Assert.Contains("expected UserDetailList (a JSON array)", error.Message);
    }

    [Fact]
    public void One_page_of_a_paginated_answer_is_refused()
    {
        File.WriteAllText(PathOf(SnapshotFiles.AuthorizationDetails), """{"UserDetailList": [], "IsTruncated": true, "Marker": "x"}""");
        Assert.Contains("one page", Assert.Throws<SnapshotException>(() => SnapshotReader.Read(_directory)).Message);
    }

    [Fact]
    public void Truncated_csv_is_reported_with_its_line()
    {
        var lines = File.ReadAllLines(PathOf(SnapshotFiles.CredentialReport));
        lines[5] = string.Join(',', lines[5].Split(',').Take(10));
        File.WriteAllLines(PathOf(SnapshotFiles.CredentialReport), lines);
        var error = Assert.Throws<SnapshotException>(() => SnapshotReader.Read(_directory));
        Assert.StartsWith("credential-report.csv:6:", error.Message);
    }

    [Fact]
    public void Unknown_csv_columns_are_tolerated_and_reported()
    {
        var lines = File.ReadAllLines(PathOf(SnapshotFiles.CredentialReport)).Select((l, i) => l + (i == 0 ? ",new_column" : ",x")).ToArray();
        File.WriteAllLines(PathOf(SnapshotFiles.CredentialReport), lines);
        var snapshot = SnapshotReader.Read(_directory, BundledAwsManagedPolicies.Find);
        Assert.Contains(snapshot.Warnings, w => w.Message.Contains("new_column"));
    }

    [Fact]
    public void A_report_older_than_the_authorization_details_is_warned_about()
    {
        var lines = File.ReadAllLines(PathOf(SnapshotFiles.CredentialReport)).Where(l => !l.StartsWith("zoe,")).ToArray();
        File.WriteAllLines(PathOf(SnapshotFiles.CredentialReport), lines);
        var snapshot = SnapshotReader.Read(_directory, BundledAwsManagedPolicies.Find);
        var warning = Assert.Single(snapshot.Warnings);
        Assert.Contains("1 user of the authorization details is not in the credential report, which is therefore older", warning.Message);
        Assert.Contains("(zoe)", warning.Message);
        Assert.Null(snapshot.Users.Single(u => u.Name == "zoe").Credentials);
    }

    [Fact]
    public void Aws_managed_policies_referenced_but_not_listed_come_from_the_bundled_copy()
    {
        var text = File.ReadAllText(PathOf(SnapshotFiles.AuthorizationDetails));
        var node = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        var policies = node["Policies"]!.AsArray();
        foreach (var p in policies.Where(p => p!["Arn"]!.GetValue<string>().Contains(":iam::aws:")).ToList()) policies.Remove(p);
        File.WriteAllText(PathOf(SnapshotFiles.AuthorizationDetails), node.ToJsonString());

        var snapshot = SnapshotReader.Read(_directory, BundledAwsManagedPolicies.Find);
        var admin = snapshot.ManagedPolicies["arn:aws:iam::aws:policy/AdministratorAccess"];
        Assert.True(admin.FromBundledCorpus);
        // Without the bundled copy, the holders are marked undetermined instead of being guessed at.
        var strict = SnapshotReader.Read(_directory);
        Assert.Contains("arn:aws:iam::aws:policy/AdministratorAccess", strict.UnparsablePolicyHolders);
    }

    [Fact]
    public void Url_encoded_documents_are_decoded_as_the_aws_cli_does()
    {
        var text = File.ReadAllText(PathOf(SnapshotFiles.AuthorizationDetails));
        var node = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        var inline = node["UserDetailList"]!.AsArray().Single(u => u!["UserName"]!.GetValue<string>() == "mallory")!["UserPolicyList"]![0]!;
        inline["PolicyDocument"] = Uri.EscapeDataString(inline["PolicyDocument"]!.ToJsonString());
        File.WriteAllText(PathOf(SnapshotFiles.AuthorizationDetails), node.ToJsonString());
        var snapshot = SnapshotReader.Read(_directory, BundledAwsManagedPolicies.Find);
        Assert.Equal("dynamodb:*", snapshot.Users.Single(u => u.Name == "mallory").InlinePolicies[0].Document.Statements[0].Actions.Values[0].Value);
    }
}
