using System.Text.Json;
using Amazon.Runtime;
using IamHarden.Aws.Tests.Infrastructure;

namespace IamHarden.Cli.Tests.Aws;

/// <summary>
/// `plan` and `apply` as processes against moto, as the seeded caller (user admin): the JSON contract, the text for
/// people, confirmation, idempotence, lockout refusals, bad input (exit 2, nothing changed), rollback, and a failure
/// in the middle of an apply through the fault proxy (exit 3, the account as before).
/// </summary>
public sealed class PlanApplyCommandTests(MotoServer moto) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private BasicAWSCredentials _caller = null!;
    private string _initial = "";

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        _caller = await GuardrailAccount.SeedAsync(session.Iam, Timeouts.Default);
        _initial = await AccountFingerprint.ReadAsync(session.Iam);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private CliOutput Run(params string[] args) => AwsCommandRun.Run(moto.Endpoint, _caller, args, workingDirectory: TestEnvironment.NewDirectory("cli-apply"));

    private CliOutput RunWith(string? stdin, Uri? endpoint, params string[] args) =>
        AwsCommandRun.Run(endpoint ?? moto.Endpoint, _caller, args, stdin, TestEnvironment.NewDirectory("cli-apply"));

    private async Task<string> StateAsync()
    {
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        return await AccountFingerprint.ReadAsync(session.Iam);
    }

    private static string Guardrails => AwsCommandRun.Config("guardrails.yaml");

    [Fact]
    public async Task Plan_json_lists_each_change_with_its_target_and_users_and_an_applied_account_gives_an_empty_list()
    {
        var plan = Run("plan", "--config", Guardrails, "--format", "json", "--caller-ip", "203.0.113.10");
        Assert.True(plan.ExitCode == 0, plan.Stderr);
        var root = JsonDocument.Parse(plan.Stdout).RootElement;
        var changes = root.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(["createPolicy", "createPolicy", "attachGroupPolicy", "attachGroupPolicy", "attachGroupPolicy"], changes.Select(c => c.GetProperty("action").GetString()));
        Assert.Equal(GuardrailAccount.Arn("policy/Force_MFA"), changes[0].GetProperty("target").GetString());
        Assert.Equal(JsonValueKind.Object, changes[0].GetProperty("document").ValueKind);
        Assert.Equal(GuardrailAccount.Arn("group/Developers"), changes[2].GetProperty("target").GetString());
        Assert.Equal([GuardrailAccount.Arn("user/bob"), GuardrailAccount.Arn("user/carol")], changes[2].GetProperty("users").EnumerateArray().Select(u => u.GetString()));
        Assert.True(root.GetProperty("lockout").GetProperty("safe").GetBoolean());
        Assert.Equal(_initial, await StateAsync());

        var apply = Run("apply", "--config", Guardrails, "--caller-ip", "203.0.113.10", "--yes");
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains("Result: applied: all 5 changes were made; the account is in the desired state.", apply.Stdout);

        var after = Run("plan", "--config", Guardrails, "--format", "json", "--caller-ip", "203.0.113.10");
        Assert.Empty(JsonDocument.Parse(after.Stdout).RootElement.GetProperty("changes").EnumerateArray());
        var again = Run("apply", "--config", Guardrails, "--caller-ip", "203.0.113.10", "--yes");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("No changes: the account is already in the desired state.", again.Stdout);
        Assert.Contains("Nothing to apply.", again.Stdout);
    }

    [Fact]
    public void Plan_text_lists_each_change_and_the_users_it_affects()
    {
        var plan = Run("plan", "--config", Guardrails, "--caller-ip", "203.0.113.10");
        Assert.True(plan.ExitCode == 0, plan.Stderr);
        Assert.Contains("Account 123456789012, as arn:aws:iam::123456789012:user/admin (long-term access keys (requests carry no MFA))", plan.Stdout);
        Assert.Contains("   3. attach Force_MFA to group Developers\n      arn:aws:iam::123456789012:group/Developers\n", plan.Stdout);
        Assert.Contains("      affects 2 users: bob, carol\n", plan.Stdout);
        Assert.Contains("Lockout guard: no problem found.", plan.Stdout);
        Assert.Contains("your own restriction comes last (\"attach Force_MFA to group Admins\")", plan.Stdout);
    }

    [Fact]
    public async Task Apply_asks_first_and_changes_nothing_unless_confirmed()
    {
        var declined = RunWith("n\n", null, "apply", "--config", Guardrails, "--caller-ip", "203.0.113.10");
        Assert.Equal(2, declined.ExitCode);
        Assert.Contains("Apply these 5 changes to account 123456789012? [y/N] n", declined.Stdout);
        Assert.Contains("apply cancelled: not confirmed, nothing was changed", declined.Stderr);
        Assert.Equal(_initial, await StateAsync());

        var confirmed = RunWith("y\n", null, "apply", "--config", Guardrails, "--caller-ip", "203.0.113.10");
        Assert.True(confirmed.ExitCode == 0, confirmed.Stdout + confirmed.Stderr);
        Assert.NotEqual(_initial, await StateAsync());
    }

    [Fact]
    public async Task The_lockout_guard_refuses_with_exit_2_until_the_risk_is_accepted()
    {
        var refused = Run("apply", "--config", Guardrails, "--caller-ip", "198.51.100.7", "--yes");
        Assert.Equal(2, refused.ExitCode);
        // From outside, the IP policy denies admin everything: a lockout, and (with the MFA policy) no order that lets apply finish.
        Assert.Contains("Lockout guard: apply would REFUSE (2 problems; --i-understand-lockout overrides):", refused.Stdout);
        Assert.Contains("x [caller-ip-outside] your address 198.51.100.7 (given with --caller-ip) is outside allowedCidrs (203.0.113.0/24)", refused.Stdout);
        Assert.Equal("error: apply refused by the lockout guard (see above); nothing was changed. Fix the problems, or pass --i-understand-lockout to apply anyway.\n", refused.Stderr);
        Assert.Equal(_initial, await StateAsync());

        var accepted = Run("apply", "--config", Guardrails, "--caller-ip", "198.51.100.7", "--yes", "--i-understand-lockout");
        Assert.True(accepted.ExitCode == 0, accepted.Stdout + accepted.Stderr);
        Assert.Contains("applying despite the lockout guard's problems", accepted.Stderr);
    }

    [Fact]
    public async Task With_the_accounts_SCPs_given_the_guard_sees_a_lockout_they_cause_and_a_broken_SCP_file_exits_2()
    {
        var scps = new[] { "--scp", AwsCommandRun.Config("scp-full-access.json"), "--scp", AwsCommandRun.Config("scp-no-mfa-devices.json") };
        var refused = Run(["apply", "--config", Guardrails, "--caller-ip", "203.0.113.10", "--yes", .. scps]);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("x [enrolment-blocked]", refused.Stdout);
        Assert.Contains("statement \"NoNewMfaDevices\"", refused.Stdout);

        // Deny-list SCPs alone would deny everything: warned.
        var alone = Run("plan", "--config", Guardrails, "--caller-ip", "203.0.113.10", "--scp", AwsCommandRun.Config("scp-no-mfa-devices.json"));
        Assert.Contains("warning: no --scp policy allows anything", alone.Stderr);

        var broken = Path.Combine(TestEnvironment.NewDirectory("scp"), "broken.json");
        File.WriteAllText(broken, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}");
        var bad = Run("plan", "--config", Guardrails, "--caller-ip", "203.0.113.10", "--scp", broken);
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith(broken + ":1:", bad.Stderr);
        Assert.True(AwsCommandRun.HasNoStackTrace(bad));
        Assert.Equal(_initial, await StateAsync());
    }

    [Fact]
    public async Task Claiming_an_MFA_session_with_long_term_keys_exits_2_before_anything_changes()
    {
        var result = Run("apply", "--config", Guardrails, "--caller-ip", "203.0.113.10", "--yes", "--mfa-session");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --mfa-session: your credentials are long-term access keys, which never carry MFA", result.Stderr);
        Assert.True(AwsCommandRun.HasNoStackTrace(result));
        Assert.Equal(_initial, await StateAsync());
    }

    [Fact]
    public async Task Without_caller_ip_an_address_that_cannot_be_detected_is_a_refusal_that_asks_for_it()
    {
        var result = Run("apply", "--config", Guardrails, "--yes");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("x [caller-ip-unknown] after apply you (arn:aws:iam::123456789012:user/admin) would be held to Restrict_Source_IP, and your public address is unknown: could not ask http://127.0.0.1:", result.Stdout);
        Assert.Contains("Pass --caller-ip", result.Stdout);
        Assert.Equal(_initial, await StateAsync());
    }

    [Theory]
    [InlineData("missing-groups.yaml", "missing-groups.yaml:5:20: mfa.groups: account 123456789012 has no group \"Developer\"; did you mean \"Developers\"?")]
    [InlineData("unparsable-cidr.yaml", "unparsable-cidr.yaml:2:5: allowedCidrs: \"203.0.113.0/33\" is not an IPv4 or IPv6 address or CIDR")]
    [InlineData("private-cidr.yaml", "private-cidr.yaml:3:5: allowedCidrs \"10.0.0.0/8\" is a private range (RFC 1918)")]
    public async Task A_configuration_the_account_or_IAM_cannot_take_exits_2_with_its_position(string config, string expected)
    {
        foreach (var command in new[] { ["plan"], new[] { "apply", "--yes" } })
        {
            var result = Run([.. command, "--config", AwsCommandRun.Config(config), "--caller-ip", "203.0.113.10"]);
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith(AwsCommandRun.Config(config).Replace(config, expected), result.Stderr);
            Assert.True(AwsCommandRun.HasNoStackTrace(result));
        }
        Assert.Equal(_initial, await StateAsync());
    }

    [Fact]
    public async Task An_unreachable_endpoint_and_refused_credentials_exit_2_without_changes()
    {
        var endpoint = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var unreachable = RunWith(null, endpoint, "apply", "--config", Guardrails, "--caller-ip", "203.0.113.10", "--yes");
        Assert.Equal(2, unreachable.ExitCode);
        Assert.StartsWith($"error: Could not reach STS at {endpoint} for GetCallerIdentity", unreachable.Stderr);

        await moto.EnableAuthenticationAsync(0);
        try
        {
            var refused = AwsCommandRun.Run(moto.Endpoint, new BasicAWSCredentials("AKIAXXXXXXXXXXXXXXXX", "wrong"),
                ["plan", "--config", Guardrails, "--caller-ip", "203.0.113.10"]);
            Assert.Equal(2, refused.ExitCode);
            Assert.StartsWith("error: sts:GetCallerIdentity failed: InvalidClientTokenId:", refused.Stderr);
            Assert.Contains("The access key is not known to AWS", refused.Stderr);
            Assert.True(AwsCommandRun.HasNoStackTrace(refused));
        }
        finally
        {
            await moto.EnableAuthenticationAsync(int.MaxValue);
        }
        Assert.Equal(_initial, await StateAsync());
    }

    [Fact]
    public async Task A_finished_apply_is_undone_with_rollback()
    {
        var work = TestEnvironment.NewDirectory("cli-rollback");
        var journal = Path.Combine(work, "apply.jsonl");
        var apply = AwsCommandRun.Run(moto.Endpoint, _caller, ["apply", "--config", Guardrails, "--caller-ip", "203.0.113.10", "--yes", "--journal", journal]);
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains($"Journal: {journal}", apply.Stdout);

        var overwrite = AwsCommandRun.Run(moto.Endpoint, _caller, ["apply", "--config", AwsCommandRun.Config("mfa-only-developers.yaml"), "--yes", "--journal", journal]);
        Assert.Equal(2, overwrite.ExitCode);
        Assert.Contains("the journal file already exists", overwrite.Stderr);

        var rollback = AwsCommandRun.Run(moto.Endpoint, _caller, ["apply", "--rollback", journal, "--yes"]);
        Assert.True(rollback.ExitCode == 0, rollback.Stdout + rollback.Stderr);
        Assert.Contains("5 change(s) to undo, newest first:", rollback.Stdout);
        Assert.Contains("Result: rolled back: all 5 changes made were undone; the account is as before the apply.", rollback.Stdout);
        Assert.Equal(_initial, await StateAsync());

        var notJournal = AwsCommandRun.Run(moto.Endpoint, _caller, ["apply", "--rollback", Guardrails, "--yes"]);
        Assert.Equal(2, notJournal.ExitCode);
        Assert.StartsWith($"{Guardrails}:1:1: not a journal record", notJournal.Stderr);
    }

    [Fact]
    public async Task A_failure_in_the_middle_of_an_apply_rolls_back_and_exits_3()
    {
        // The second attach keeps failing (500) for all three attempts; the undo of the first attach goes through.
        int attaches = 0;
        await using var proxy = new FaultProxy(moto.Endpoint, (action, _) =>
            action == "AttachGroupPolicy" && Interlocked.Increment(ref attaches) is >= 2 and <= 4 ? ProxyFault.ServerError : ProxyFault.None);

        var result = RunWith(null, proxy.Endpoint, "apply", "--config", Guardrails, "--caller-ip", "203.0.113.10", "--yes");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("FAILED: iam:AttachGroupPolicy failed: ServiceFailure", result.Stdout);
        Assert.Contains("Result: rolled back: all 3 changes made were undone; the account is as before the apply.", result.Stdout);
        Assert.Equal(_initial, await StateAsync());
    }
}
