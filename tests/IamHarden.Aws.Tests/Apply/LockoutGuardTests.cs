using Amazon.Runtime;
using IamHarden.Aws.Apply;
using IamHarden.Aws.Tests.Infrastructure;

namespace IamHarden.Aws.Tests.Apply;

/// <summary>
/// The lockout guard (the guide's section 5) on a moto account: each refusal with its cause, and the orderings and
/// notices when it lets apply go ahead. The caller is the seeded user admin (long-term keys, in Admins).
/// </summary>
public sealed class LockoutGuardTests(MotoServer moto) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private BasicAWSCredentials _caller = null!;

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        _caller = await GuardrailAccount.SeedAsync(session.Iam, Timeouts.Default);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<AwsSession> Connect() => GuardrailAccount.ConnectAsync(moto.Endpoint, _caller);

    private static Task Send(AwsSession session, QueryRequest request) => session.Iam.SendAsync(request, Timeouts.Default);

    private static LockoutProblem Problem(PreparedApply prepared, string code) =>
        Assert.Single(prepared.Verdict.Problems, p => p.Code == code);

    [Fact]
    public async Task The_seeded_account_passes_and_says_who_the_break_glass_user_is()
    {
        using var session = await Connect();
        var prepared = await ApplyRuns.PrepareAsync(session, "guardrails.yaml");
        Assert.Empty(prepared.Verdict.Problems);
        Assert.Contains(prepared.Verdict.Notices, n => n.StartsWith("break-glass user victor: MFA, and allowed to undo the guardrails", StringComparison.Ordinal));
        Assert.Contains(prepared.Verdict.Notices, n => n.Contains("your address 203.0.113.10 (given with --caller-ip) is let through by Restrict_Source_IP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_break_glass_user_apply_refuses()
    {
        using var session = await Connect();
        var prepared = await ApplyRuns.PrepareAsync(session, "no-break-glass.yaml");
        Assert.Contains("no break-glass user is configured (breakGlass.users)", Problem(prepared, "no-break-glass").Message);
    }

    [Fact]
    public async Task A_break_glass_user_in_a_group_that_gets_the_IP_restriction_is_refused()
    {
        using var session = await Connect();
        var prepared = await ApplyRuns.PrepareAsync(session, "break-glass-in-admins.yaml");
        Assert.Contains("\"attach Restrict_Source_IP to group Admins\" would IP-restrict break-glass user alice", Problem(prepared, "break-glass-restricted").Message);
        // And the evaluator agrees: from outside the approved range alice would be denied.
        var unusable = Problem(prepared, "break-glass-unusable").Message;
        Assert.Contains("alice: from 93.184.216.34 (outside the approved networks), with MFA, iam:DetachGroupPolicy on arn:aws:iam::123456789012:group/Admins would be explicitly denied by Restrict_Source_IP", unusable);
    }

    [Fact]
    public async Task A_break_glass_user_without_MFA_or_without_the_permissions_to_undo_is_refused()
    {
        using var session = await Connect();
        await Send(session, new QueryRequest("DeactivateMFADevice").Add("UserName", "victor").Add("SerialNumber", GuardrailAccount.Arn("mfa/victor")));
        var noMfa = await ApplyRuns.PrepareAsync(session, "guardrails.yaml");
        Assert.Contains("victor: it has no MFA device", Problem(noMfa, "break-glass-unusable").Message);

        await Send(session, new QueryRequest("EnableMFADevice").Add("UserName", "victor").Add("SerialNumber", GuardrailAccount.Arn("mfa/victor"))
            .Add("AuthenticationCode1", "123456").Add("AuthenticationCode2", "654321"));
        await Send(session, new QueryRequest("DetachUserPolicy").Add("UserName", "victor").Add("PolicyArn", GuardrailAccount.Arn("policy/AdminAccess")));
        var powerless = await ApplyRuns.PrepareAsync(session, "guardrails.yaml");
        Assert.Contains("victor: it could not undo the guardrails: iam:DetachGroupPolicy on arn:aws:iam::123456789012:group/Admins is implicitly denied: no policy allows it",
            Problem(powerless, "break-glass-unusable").Message);
    }

    [Fact]
    public async Task A_caller_outside_the_approved_networks_is_refused()
    {
        using var session = await Connect();
        var prepared = await ApplyRuns.PrepareAsync(session, "guardrails.yaml", callerIp: "198.51.100.7");
        var message = Problem(prepared, "caller-ip-outside").Message;
        Assert.Contains("your address 198.51.100.7 (given with --caller-ip) is outside allowedCidrs (203.0.113.0/24)", message);
        Assert.Contains("explicitly denied by Restrict_Source_IP statement \"DenyAccessFromUnapprovedNetworks\"", message);
    }

    [Fact]
    public async Task When_the_callers_address_cannot_be_found_apply_asks_for_caller_ip()
    {
        using var session = await Connect();
        // Nothing listens on this loopback port: detection fails at once, as it does on a machine without internet access.
        var detector = new CallerIpDetector(new Uri($"http://127.0.0.1:{FreePort.Next()}/"), TimeSpan.FromSeconds(5));
        var prepared = await ApplyRuns.PrepareAsync(session, "guardrails.yaml", callerIp: null, detector);
        var message = Problem(prepared, "caller-ip-unknown").Message;
        Assert.Contains("your public address is unknown: could not ask http://127.0.0.1:", message);
        Assert.Contains("Pass --caller-ip", message);
        Assert.Null(prepared.Caller.SourceIp);
    }

    [Fact]
    public async Task The_callers_address_is_not_needed_when_no_IP_restriction_reaches_it()
    {
        using var session = await Connect();
        var detector = new CallerIpDetector(new Uri($"http://127.0.0.1:{FreePort.Next()}/"));
        var prepared = await ApplyRuns.PrepareAsync(session, "mfa-only-developers.yaml", callerIp: null, detector);
        Assert.Empty(prepared.Verdict.Problems);
        Assert.StartsWith("not needed", prepared.Caller.SourceIpOrigin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_SCP_that_forbids_new_MFA_devices_makes_Force_MFA_a_lockout()
    {
        using var session = await Connect();
        // The SCP level as AWS has it: FullAWSAccess plus a deny list. Without --scp the guard cannot know it (a
        // member account cannot read its SCPs), so the same account passes.
        var prepared = await ApplyRuns.PrepareAsync(session, "guardrails.yaml", scps: ["scp-full-access.json", "scp-no-mfa-devices.json"]);
        var message = Problem(prepared, "enrolment-blocked").Message;
        Assert.Contains("users under Force_MFA could not enrol an MFA device", message);
        Assert.Contains("explicitly denied by scp-no-mfa-devices.json statement \"NoNewMfaDevices\"", message);
        Assert.Contains("judged with the service control policies given (--scp): scp-full-access.json, scp-no-mfa-devices.json", prepared.Verdict.Notices);
        Assert.Empty((await ApplyRuns.PrepareAsync(session, "guardrails.yaml")).Verdict.Problems);
        // With FullAWSAccess alone the SCP level changes nothing.
        Assert.Empty((await ApplyRuns.PrepareAsync(session, "guardrails.yaml", scps: ["scp-full-access.json"])).Verdict.Problems);
    }

    [Fact]
    public async Task An_SCP_that_denies_the_undo_calls_leaves_no_usable_break_glass_user()
    {
        using var session = await Connect();
        var prepared = await ApplyRuns.PrepareAsync(session, "guardrails.yaml", scps: ["scp-full-access.json", "scp-no-detach.json"]);
        Assert.Contains("victor: from 93.184.216.34 (outside the approved networks), with MFA, iam:DetachGroupPolicy on arn:aws:iam::123456789012:group/Admins " +
            "would be explicitly denied by scp-no-detach.json statement \"KeepGroupPolicies\"", Problem(prepared, "break-glass-unusable").Message);
    }

    [Fact]
    public async Task Users_who_could_not_enrol_an_MFA_device_are_refused()
    {
        using var session = await Connect();
        var deny = await session.Iam.CreatePolicyAsync("NoIamWithoutMfa", GuardrailAccount.Fixture("deny-iam-without-mfa.json"), cancellationToken: Timeouts.Default);
        await session.Iam.AttachGroupPolicyAsync("Developers", deny.Arn, Timeouts.Default);
        var message = Problem(await ApplyRuns.PrepareAsync(session, "guardrails.yaml"), "enrolment-blocked").Message;
        Assert.Contains("2 users under Force_MFA could not enrol an MFA device", message);
        Assert.Contains("bob: iam:", message);
        Assert.Contains("explicitly denied by NoIamWithoutMfa statement \"NoIamWithoutMfa\"", message);
    }

    [Fact]
    public async Task A_caller_without_an_MFA_device_that_the_MFA_policy_would_restrict_is_refused()
    {
        using var session = await Connect();
        await Send(session, new QueryRequest("DeactivateMFADevice").Add("UserName", "admin").Add("SerialNumber", GuardrailAccount.Arn("mfa/admin")));
        var message = Problem(await ApplyRuns.PrepareAsync(session, "guardrails.yaml"), "caller-without-mfa-device").Message;
        Assert.Contains("after \"attach Force_MFA to group Admins\" your long-term access keys (requests carry no MFA) could only enrol MFA, and admin has no MFA device", message);
    }

    [Fact]
    public async Task A_caller_that_two_changes_would_each_cut_off_is_refused_and_told_to_use_an_MFA_session()
    {
        using var session = await Connect();
        await Send(session, new QueryRequest("AddUserToGroup").Add("GroupName", "Developers").Add("UserName", "admin"));
        var message = Problem(await ApplyRuns.PrepareAsync(session, "guardrails.yaml"), "caller-cut-off").Message;
        Assert.Contains("would deny you the calls after it (iam:", message);
        Assert.Contains("explicitly denied by Force_MFA statement \"DenyAllExceptEnrollmentIfNoMFA\"", message);
        Assert.Contains("aws sts get-session-token --serial-number arn:aws:iam::123456789012:mfa/admin", message);
    }

    [Fact]
    public async Task From_an_MFA_session_the_same_changes_do_not_cut_the_caller_off_and_plain_temporary_credentials_still_do()
    {
        using var session = await Connect();
        await Send(session, new QueryRequest("AddUserToGroup").Add("GroupName", "Developers").Add("UserName", "admin"));
        var prepared = await ApplyRuns.PrepareAsync(session, "guardrails.yaml");
        Assert.Equal(CallerCredentialKind.LongTermKeys, prepared.Caller.Credentials);
        var changes = ApplyPlanner.Plan(prepared.Desired, prepared.State);
        LockoutVerdict As(CallerCredentialKind kind) =>
            new LockoutGuard(prepared.Desired, prepared.State, prepared.State.ReadAt).Check(changes, prepared.Caller with { Credentials = kind });

        // Temporary credentials carry aws:MultiFactorAuthPresent "false" unless said otherwise: Force_MFA denies them too.
        Assert.Contains(As(CallerCredentialKind.TemporaryCredentials).Problems, p => p.Code == "caller-cut-off");
        // An MFA session (what the refusal tells the caller to use) is let through.
        var mfa = As(CallerCredentialKind.MfaSession);
        Assert.DoesNotContain(mfa.Problems, p => p.Code is "caller-cut-off" or "caller-without-mfa-device");
        Assert.False(mfa.CallerRestrictedByLastChange);
    }

    [Fact]
    public async Task An_MFA_session_cannot_be_claimed_for_long_term_keys()
    {
        using var session = await Connect();
        var error = await Assert.ThrowsAsync<CallerCredentialsException>(() =>
            PreparedApply.PrepareAsync(session, ApplyRuns.Desired("guardrails.yaml"), System.Net.IPAddress.Parse(ApplyRuns.OfficeAddress), null, Timeouts.Default, mfaSession: true));
        Assert.Contains("--mfa-session: your credentials are long-term access keys, which never carry MFA", error.Message);
    }

    [Fact]
    public async Task A_caller_that_is_not_an_IAM_user_keeps_the_planners_order()
    {
        // The environment's fake keys are unknown to moto, which then answers GetCallerIdentity with a non-IAM identity.
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        var prepared = await ApplyRuns.PrepareAsync(session, "guardrails.yaml");
        Assert.False(prepared.Verdict.CallerRestrictedByLastChange);
        Assert.Contains(prepared.Verdict.Notices, n => n.Contains("which is not an IAM user of account 123456789012", StringComparison.Ordinal));
        Assert.Equal(ApplyPlanner.Plan(prepared.Desired, prepared.State).Select(c => c.Summary), prepared.Changes.Select(c => c.Summary));
    }

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE", false, CallerCredentialKind.LongTermKeys)]
    [InlineData("ASIAIOSFODNN7EXAMPLE", true, CallerCredentialKind.TemporaryCredentials)]
    public void The_credential_kind_follows_the_key_and_the_session_token(string key, bool token, CallerCredentialKind kind) =>
        Assert.Equal(kind, CallerContext.KindOf(key, token));
}
