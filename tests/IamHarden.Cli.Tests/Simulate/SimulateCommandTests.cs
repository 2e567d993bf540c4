using System.Text.Json;

namespace IamHarden.Cli.Tests.Simulate;

/// <summary>
/// `iamharden simulate` for one request, as a process (PRODUCT.md contract): the decision in
/// AWS's words and why (decisive statements with policy, Sid and position; missing context keys),
/// text or `--output json`, the context exactly as given, the default principal, every policy type.
/// </summary>
public class SimulateCommandTests
{
    internal static string Policy(string name) => Path.Combine(CliProcess.Fixtures, "simulate", name);

    private static readonly string[] Guide =
        ["--policy", Policy("guide-force-mfa.json"), "--policy", Policy("guide-ip-restriction.json"), "--policy", Policy("allow-all.json")];

    private static JsonElement Json(CliOutput run)
    {
        Assert.True(run.Stderr == "", run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    [Fact]
    public void Text_output_gives_the_decision_and_every_decisive_statement_with_its_position()
    {
        var run = CliProcess.Run(["simulate", .. Guide, "--action", "s3:GetObject", "--resource", "arn:aws:s3:::reports/q1.csv",
            "--context", "aws:SourceIp=203.0.113.50", "--context", "aws:MultiFactorAuthPresent=false"]);
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("explicitDeny  s3:GetObject on arn:aws:s3:::reports/q1.csv by arn:aws:iam::123456789012:user/alice", lines[0]);
        Assert.Equal($"  denied by {Policy("guide-force-mfa.json")} statement \"DenyAllExceptListedIfNoMFA\" #0 (Deny) at 4:5", lines[1]);
        Assert.Equal($"  denied by {Policy("guide-ip-restriction.json")} statement \"DenyAccessFromUnapprovedIP\" #0 (Deny) at 4:5", lines[2]);
        Assert.Equal(3, lines.Length);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Json_output_has_the_decision_the_statements_and_the_missing_context_values()
    {
        var run = CliProcess.Run(["simulate", .. Guide, "--action", "ec2:DescribeInstances", "--output", "json"]);
        Assert.Equal(0, run.ExitCode);
        var json = Json(run);
        Assert.Equal("explicitDeny", json.GetProperty("decision").GetString());
        Assert.Equal("arn:aws:iam::123456789012:user/alice", json.GetProperty("principal").GetString());
        Assert.Equal("ec2:DescribeInstances", json.GetProperty("action").GetString());
        Assert.Equal("*", json.GetProperty("resource").GetString());
        var statements = json.GetProperty("matchedStatements").EnumerateArray().ToList();
        Assert.Equal(["DenyAllExceptListedIfNoMFA", "DenyAccessFromUnapprovedIP"], statements.Select(s => s.GetProperty("sid").GetString()));
        Assert.All(statements, s =>
        {
            Assert.Equal("identity", s.GetProperty("policyType").GetString());
            Assert.Equal("Deny", s.GetProperty("effect").GetString());
            Assert.Equal((4, 5), (s.GetProperty("line").GetInt32(), s.GetProperty("column").GetInt32()));
        });
        // Long-term access keys carry neither key: both absences are what made the Denies fire.
        Assert.Equal(["aws:MultiFactorAuthPresent", "aws:SourceIp"], json.GetProperty("missingContextValues").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void An_allowed_request_names_the_allow_and_needs_no_key()
    {
        var json = Json(CliProcess.Run(["simulate", .. Guide, "--action", "s3:GetObject", "--resource", "arn:aws:s3:::reports/q1.csv",
            "--context", "aws:SourceIp=198.51.100.7", "--context", "aws:MultiFactorAuthPresent=true", "--output", "json"]));
        Assert.Equal("allowed", json.GetProperty("decision").GetString());
        var allow = Assert.Single(json.GetProperty("matchedStatements").EnumerateArray());
        Assert.Equal(Policy("allow-all.json"), allow.GetProperty("policy").GetString());
        Assert.False(allow.TryGetProperty("sid", out _));
        Assert.Empty(json.GetProperty("missingContextValues").EnumerateArray());
    }

    [Fact]
    public void The_context_is_exactly_what_was_given_nothing_is_derived_from_the_principal()
    {
        // PRODUCT.md: "simulate derives none (not even aws:username from the principal)".
        var plain = Json(CliProcess.Run("simulate", "--policy", Policy("own-password.json"), "--action", "iam:ChangePassword",
            "--resource", "arn:aws:iam::123456789012:user/alice", "--output", "json"));
        Assert.Equal("implicitDeny", plain.GetProperty("decision").GetString());
        Assert.Equal("noAllow", plain.GetProperty("implicitDenyReason").GetString());
        Assert.Equal(["aws:username"], plain.GetProperty("missingContextValues").EnumerateArray().Select(v => v.GetString()));

        var given = Json(CliProcess.Run("simulate", "--policy", Policy("own-password.json"), "--action", "iam:ChangePassword",
            "--resource", "arn:aws:iam::123456789012:user/alice", "--context", "aws:username=alice", "--output", "json"));
        Assert.Equal("allowed", given.GetProperty("decision").GetString());

        var derived = Json(CliProcess.Run("simulate", "--policy", Policy("own-password.json"), "--action", "iam:ChangePassword",
            "--resource", "arn:aws:iam::123456789012:user/alice", "--derive-context", "--output", "json"));
        Assert.Equal("allowed", derived.GetProperty("decision").GetString());
    }

    [Fact]
    public void The_default_principal_is_alice_and_another_can_be_named()
    {
        Assert.Equal("arn:aws:iam::123456789012:user/alice",
            Json(CliProcess.Run("simulate", "--action", "s3:GetObject", "--output", "json")).GetProperty("principal").GetString());
        var derived = Json(CliProcess.Run("simulate", "--policy", Policy("own-password.json"), "--action", "iam:ChangePassword",
            "--resource", "arn:aws:iam::123456789012:user/bob", "--principal", "arn:aws:iam::123456789012:user/bob", "--derive-context", "--output", "json"));
        Assert.Equal("arn:aws:iam::123456789012:user/bob", derived.GetProperty("principal").GetString());
        Assert.Equal("allowed", derived.GetProperty("decision").GetString());
    }

    [Fact]
    public void List_values_are_multivalued_keys()
    {
        string Decide(params string[] context) => Json(CliProcess.Run(["simulate", "--policy", Policy("tagged.json"), "--action", "iam:TagUser",
            "--resource", "arn:aws:iam::123456789012:user/bob", .. context.SelectMany(c => new[] { "--context", c }), "--output", "json"]))
            .GetProperty("decision").GetString()!;
        Assert.Equal("allowed", Decide("aws:TagKeys=[\"team\",\"owner\"]"));
        Assert.Equal("allowed", Decide("aws:TagKeys=team", "aws:TagKeys=owner")); // a repeated key is a list too
        Assert.Equal("implicitDeny", Decide("aws:TagKeys=[\"team\",\"cost-center\"]"));
        Assert.Equal("implicitDeny", Decide("aws:TagKeys=[]")); // empty: the Null:false guard stops ForAllValues
        Assert.Equal("implicitDeny", Decide());
    }

    [Theory]
    // Permissions boundary: identity allows everything, the boundary only S3 reads.
    [InlineData("--boundary boundary-s3-read.json", "s3:GetObject", "arn:aws:s3:::reports/q1.csv", "", "allowed", null)]
    [InlineData("--boundary boundary-s3-read.json", "s3:PutObject", "arn:aws:s3:::reports/q1.csv", "", "implicitDeny", "permissionsBoundary")]
    // SCP level that allows EC2 only.
    [InlineData("--scp scp-ec2-only.json", "ec2:RunInstances", "arn:aws:ec2:us-east-1:123456789012:instance/*", "", "allowed", null)]
    [InlineData("--scp scp-ec2-only.json", "s3:GetObject", "arn:aws:s3:::reports/q1.csv", "", "implicitDeny", "serviceControlPolicy")]
    // RCP Deny statements apply to S3 requests.
    [InlineData("--rcp rcp-deny-insecure.json", "s3:GetObject", "arn:aws:s3:::reports/q1.csv", "aws:SecureTransport=false", "explicitDeny", null)]
    [InlineData("--rcp rcp-deny-insecure.json", "s3:GetObject", "arn:aws:s3:::reports/q1.csv", "aws:SecureTransport=true", "allowed", null)]
    public void Limiting_policy_types_limit(string option, string action, string resource, string context, string expected, string? reason)
    {
        var parts = option.Split(' ');
        var args = new List<string> { "simulate", "--policy", Policy("allow-all.json"), parts[0], Policy(parts[1]), "--action", action, "--resource", resource, "--output", "json" };
        if (context.Length > 0) args.AddRange(["--context", context]);
        var json = Json(CliProcess.Run(args));
        Assert.Equal(expected, json.GetProperty("decision").GetString());
        if (reason is not null) Assert.Equal(reason, json.GetProperty("implicitDenyReason").GetString());
    }

    [Fact]
    public void A_session_policy_limits_a_role_session()
    {
        string Decide(string action) => Json(CliProcess.Run("simulate", "--policy", Policy("allow-all.json"), "--session-policy", Policy("session-get-only.json"),
            "--principal", "arn:aws:sts::123456789012:assumed-role/Deployer/ci", "--action", action, "--resource", "arn:aws:s3:::reports/q1.csv", "--output", "json"))
            .GetProperty("decision").GetString()!;
        Assert.Equal("allowed", Decide("s3:GetObject"));
        Assert.Equal("implicitDeny", Decide("s3:PutObject"));
    }

    [Theory]
    // Same account: a bucket policy that names the user allows on its own (spec §1.4, D11).
    [InlineData(null, "s3:GetObject", "allowed", null)]
    [InlineData(null, "s3:PutObject", "implicitDeny", "noAllow")]
    // Cross account: the identity side must allow too (spec §1.5, D13).
    [InlineData("444455556666", "s3:GetObject", "implicitDeny", "noAllow")]
    public void A_resource_policy_grants_in_the_same_account_only_with_the_identity_side_across_accounts(string? resourceAccount, string action, string expected, string? reason)
    {
        var args = new List<string> { "simulate", "--resource-policy", Policy("bucket-policy.json"), "--action", action, "--resource", "arn:aws:s3:::reports/q1.csv", "--output", "json" };
        if (resourceAccount is not null) args.AddRange(["--resource-account", resourceAccount]);
        var json = Json(CliProcess.Run(args));
        Assert.Equal(expected, json.GetProperty("decision").GetString());
        if (reason is not null) Assert.Equal(reason, json.GetProperty("implicitDenyReason").GetString());
        if (expected == "allowed")
        {
            var grant = Assert.Single(json.GetProperty("matchedStatements").EnumerateArray());
            Assert.Equal(("resource", "AliceReads"), (grant.GetProperty("policyType").GetString(), grant.GetProperty("sid").GetString()));
        }
    }

    [Fact]
    public void Cross_account_with_both_sides_allowing_is_allowed()
    {
        var json = Json(CliProcess.Run("simulate", "--policy", Policy("allow-all.json"), "--resource-policy", Policy("bucket-policy.json"),
            "--resource-account", "444455556666", "--action", "s3:GetObject", "--resource", "arn:aws:s3:::reports/q1.csv", "--output", "json"));
        Assert.Equal("allowed", json.GetProperty("decision").GetString());
        Assert.Equal(["identity", "resource"], json.GetProperty("matchedStatements").EnumerateArray().Select(s => s.GetProperty("policyType").GetString()).Order());
    }

    [Fact]
    public void An_unusable_context_value_is_decision_error_with_exit_code_2()
    {
        var run = CliProcess.Run(["simulate", .. Guide, "--action", "s3:GetObject", "--context", "aws:SourceIp=198.51.100.300",
            "--context", "aws:MultiFactorAuthPresent=true", "--output", "json"]);
        Assert.Equal(2, run.ExitCode);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("error", json.GetProperty("decision").GetString());
        Assert.Contains("\"198.51.100.300\", which is not an IP address", json.GetProperty("error").GetString());
    }
}
