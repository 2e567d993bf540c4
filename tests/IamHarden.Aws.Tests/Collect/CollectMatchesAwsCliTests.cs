using System.Text.Json;
using System.Text.Json.Nodes;
using IamHarden.Aws.Tests.Infrastructure;

namespace IamHarden.Aws.Tests.Collect;

/// <summary>
/// The snapshot contract: each file collect writes is byte-for-byte what the AWS CLI writes for the same account
/// (same members, member order, date format, decoded policy documents, indentation). The account lives in moto with
/// the AWS managed policies loaded, so every one of them (about 1,300 real documents) goes through the decoder.
/// </summary>
public sealed class CollectMatchesAwsCliTests(SeededAccount account) : IClassFixture<SeededAccount>
{
    [Theory]
    [InlineData(CliTimestampFormat.Iso8601)]
    [InlineData(CliTimestampFormat.Wire)]
    public async Task Every_file_equals_what_the_aws_cli_writes(CliTimestampFormat timestamps)
    {
        var directory = TestEnvironment.NewDirectory("collect-cli");
        using var session = await TestSessions.ConnectAsync(account.Endpoint);
        var collector = new SnapshotCollector(session.Iam, new SnapshotCollectOptions
        {
            Overwrite = true,
            TimestampFormat = timestamps,
            CredentialReportPollInterval = TimeSpan.FromMilliseconds(50),
        });

        var result = await collector.CollectAsync(directory, cancellationToken: Timeouts.Default);

        Assert.Equal(SnapshotFileNames.All.Order(), result.FilesWritten.Order());
        Assert.Equal(5, result.Users);
        Assert.Equal(3, result.Groups);
        Assert.Equal(2, result.Roles);
        Assert.True(result.HasPasswordPolicy);

        await AssertSameAsCli(directory, SnapshotFileNames.AuthorizationDetails, timestamps, "iam", "get-account-authorization-details");
        await AssertSameAsCli(directory, SnapshotFileNames.AccountSummary, timestamps, "iam", "get-account-summary");
        await AssertSameAsCli(directory, SnapshotFileNames.PasswordPolicy, timestamps, "iam", "get-account-password-policy");
        await AssertSameAsCli(directory, SnapshotFileNames.VirtualMfaDevices, timestamps, "iam", "list-virtual-mfa-devices");

        using var report = JsonDocument.Parse(await AwsCli.RunAsync(account.Endpoint, timestamps, "iam", "get-credential-report"));
        var cliCsv = Convert.FromBase64String(report.RootElement.GetProperty("Content").GetString()!);
        Assert.Equal(cliCsv, await File.ReadAllBytesAsync(Path.Combine(directory, SnapshotFileNames.CredentialReport)));
    }

    [Fact]
    public async Task Parallel_authorization_details_hold_the_same_entities_as_the_aws_cli()
    {
        var directory = TestEnvironment.NewDirectory("collect-parallel");
        using var session = await TestSessions.ConnectAsync(account.Endpoint);
        var collector = new SnapshotCollector(session.Iam, new SnapshotCollectOptions
        {
            ParallelAuthorizationDetails = true,
            CredentialReportPollInterval = TimeSpan.FromMilliseconds(50),
        });
        await collector.CollectAsync(directory, cancellationToken: Timeouts.Default);

        var cli = JsonNode.Parse(await AwsCli.RunAsync(account.Endpoint, CliTimestampFormat.Iso8601, "iam", "get-account-authorization-details"))!.AsObject();
        var ours = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory, SnapshotFileNames.AuthorizationDetails)))!.AsObject();
        Assert.Equal(cli.Select(p => p.Key), ours.Select(p => p.Key));
        foreach (var key in new[] { "UserDetailList", "GroupDetailList", "RoleDetailList" })
            Assert.True(JsonNode.DeepEquals(cli[key], ours[key]), $"{key} differs");
        // moto orders filtered managed policies by hash, so only the set is compared for them.
        static List<string> Sorted(JsonNode? list) =>
            list!.AsArray().Select(p => p!.ToJsonString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Sorted(cli["Policies"]), Sorted(ours["Policies"]));
    }

    [Fact]
    public async Task Policy_documents_are_objects_and_the_seeded_details_are_present()
    {
        using var session = await TestSessions.ConnectAsync(account.Endpoint);
        var details = await session.Iam.GetAccountAuthorizationDetailsAsync(cancellationToken: Timeouts.Default);

        var bob = details["UserDetailList"]!.AsArray().Single(u => (string?)u!["UserName"] == "bob")!;
        var inline = bob["UserPolicyList"]![0]!;
        Assert.Equal("deny-outside-office", (string?)inline["PolicyName"]);
        Assert.Equal("203.0.113.0/24", (string?)inline["PolicyDocument"]!["Statement"]!["Condition"]!["NotIpAddress"]!["aws:SourceIp"]![0]);

        var developers = details["GroupDetailList"]!.AsArray().Single(g => (string?)g!["GroupName"] == "Developers")!;
        var unusual = developers["GroupPolicyList"]![0]!["PolicyDocument"]!["Statement"]![0]!;
        // '+' survives decoding (a form decoder would have made it a space), as do non-ASCII text and escapes.
        Assert.Equal("arn:aws:s3:::reports+archive/보고서/*", (string?)unusual["Resource"]![0]);
        Assert.Equal("arn:aws:s3:::a b/\"quoted\"/back\\slash/*", (string?)unusual["Resource"]![1]);

        var forceMfa = details["Policies"]!.AsArray().Single(p => ((string?)p!["Arn"])!.EndsWith("policy/security/Force_MFA", StringComparison.Ordinal))!;
        var versions = forceMfa["PolicyVersionList"]!.AsArray();
        Assert.Equal(2, versions.Count);
        Assert.Single(versions, v => (bool)v!["IsDefaultVersion"]!);
        Assert.Contains(details["Policies"]!.AsArray(), p => (string?)p!["Arn"] == "arn:aws:iam::aws:policy/SecurityAudit");
    }

    private async Task AssertSameAsCli(string directory, string file, CliTimestampFormat timestamps, params string[] command)
    {
        var expected = await AwsCli.RunAsync(account.Endpoint, timestamps, command);
        var actual = await File.ReadAllTextAsync(Path.Combine(directory, file));
        TextAssert.Identical(expected, actual, $"{file} vs aws {string.Join(' ', command)}");
    }
}
