using Amazon.Runtime;
using IamHarden.Analysis.Configuration;
using IamHarden.Aws.Apply;
using IamHarden.Aws.Tests.Infrastructure;

namespace IamHarden.Aws.Tests.Apply;

/// <summary>
/// Plan and apply against moto: an account without guardrails, one with an outdated Force_MFA in the wrong groups,
/// one already in the desired state; idempotence (apply then plan is empty, a second apply changes nothing); AWS's
/// five-version limit; semantic document comparison; detaching only managed policies.
/// </summary>
public sealed class PlanAndApplyTests(MotoServer moto) : IClassFixture<MotoServer>, IAsyncLifetime
{
    private BasicAWSCredentials _caller = null!;
    private static string ForceMfa => GuardrailAccount.Arn("policy/Force_MFA");
    private static string RestrictIp => GuardrailAccount.Arn("policy/Restrict_Source_IP");

    public async Task InitializeAsync()
    {
        await moto.ResetAsync();
        using var session = await TestSessions.ConnectAsync(moto.Endpoint);
        _caller = await GuardrailAccount.SeedAsync(session.Iam, Timeouts.Default);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<AwsSession> Connect() => GuardrailAccount.ConnectAsync(moto.Endpoint, _caller);

    [Fact]
    public async Task An_account_without_guardrails_gets_both_policies_created_and_attached_with_the_callers_restriction_last()
    {
        using var session = await Connect();
        var prepared = await ApplyRuns.PrepareAsync(session, "guardrails.yaml");

        Assert.True(prepared.Verdict.IsSafe, string.Join("\n", prepared.Verdict.Problems.Select(p => p.Message)));
        Assert.Equal(GuardrailAccount.Arn("user/admin"), prepared.State.Caller.Arn);
        Assert.Equal(
            """
            create policy Force_MFA at path /
            create policy Restrict_Source_IP at path /
            attach Force_MFA to group Developers
            attach Restrict_Source_IP to group Admins
            attach Force_MFA to group Admins
            """.ReplaceLineEndings("\n"), ApplyRuns.Describe(prepared.Changes));
        var byGroup = prepared.Changes.Where(c => c.GroupName is not null).ToDictionary(c => c.PolicyName + "→" + c.GroupName);
        Assert.Equal(["bob", "carol"], byGroup["Force_MFA→Developers"].Users.Select(u => u.Name));
        Assert.Equal(["admin", "alice"], byGroup["Force_MFA→Admins"].Users.Select(u => u.Name));
        Assert.Equal(GuardrailAccount.Arn("group/Admins"), byGroup["Force_MFA→Admins"].Target);
        Assert.All(prepared.Changes.Where(c => c.Action == ChangeAction.CreatePolicy), c => Assert.Empty(c.Users));
        // The caller (long-term keys, has an MFA device) is restricted only by the last change, and told how to go on.
        Assert.True(prepared.Verdict.CallerRestrictedByLastChange);
        Assert.Contains(prepared.Verdict.Notices, n => n.Contains("aws sts get-session-token --serial-number arn:aws:iam::123456789012:mfa/admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_then_plan_is_empty_and_a_second_apply_changes_nothing()
    {
        using var session = await Connect();
        var (outcome, journal) = await ApplyRuns.ApplyAsync(session, await ApplyRuns.PrepareAsync(session, "guardrails.yaml"));
        Assert.Equal(ApplyResult.Applied, outcome.Result);
        Assert.Equal(5, outcome.InAccount.Count);
        Assert.Equal("applied", JournalReader.Read(journal).Outcome);

        var applied = await AccountFingerprint.ReadAsync(session.Iam);
        Assert.Contains($"group Admins: {GuardrailAccount.Arn("policy/AdminAccess")}, {ForceMfa}, {RestrictIp}", applied);
        var again = await ApplyRuns.PrepareAsync(session, "guardrails.yaml");
        Assert.True(again.IsEmpty, ApplyRuns.Describe(again.Changes));
        var (second, _) = await ApplyRuns.ApplyAsync(session, again);
        Assert.Equal(ApplyResult.Applied, second.Result);
        Assert.Empty(second.InAccount);
        Assert.Equal(applied, await AccountFingerprint.ReadAsync(session.Iam));
    }

    [Fact]
    public async Task An_outdated_policy_in_the_wrong_groups_gets_a_new_version_and_moves_to_the_listed_groups()
    {
        using var session = await Connect();
        var old = await session.Iam.CreatePolicyAsync("Force_MFA", GuardrailAccount.Fixture("old-force-mfa.json"), cancellationToken: Timeouts.Default);
        await session.Iam.AttachGroupPolicyAsync("Admins", old.Arn, Timeouts.Default);
        await session.Iam.AttachGroupPolicyAsync("Ops", old.Arn, Timeouts.Default);

        var prepared = await ApplyRuns.PrepareAsync(session, "guardrails.yaml");
        var version = Assert.Single(prepared.Changes, c => c.Action == ChangeAction.CreatePolicyVersion);
        Assert.Equal("v1", version.PreviousDefaultVersionId);
        Assert.Equal(["admin", "alice"], version.Users.Select(u => u.Name));
        var detach = Assert.Single(prepared.Changes, c => c.Action == ChangeAction.DetachGroupPolicy);
        Assert.Equal("Ops", detach.GroupName);
        Assert.Empty(detach.Users);
        Assert.Contains(prepared.Changes, c => c.Action == ChangeAction.AttachGroupPolicy && c.GroupName == "Developers" && c.PolicyArn == ForceMfa);
        Assert.DoesNotContain(prepared.Changes, c => c.Action == ChangeAction.AttachGroupPolicy && c.GroupName == "Admins" && c.PolicyArn == ForceMfa);

        var (outcome, _) = await ApplyRuns.ApplyAsync(session, prepared);
        Assert.Equal(ApplyResult.Applied, outcome.Result);
        var versions = await session.Iam.ListPolicyVersionsAsync(ForceMfa, Timeouts.Default);
        Assert.Equal(["v1", "v2"], versions.Select(v => v.VersionId).Order());
        Assert.Equal("v2", Assert.Single(versions, v => v.IsDefaultVersion).VersionId);
        Assert.True((await ApplyRuns.PrepareAsync(session, "guardrails.yaml")).IsEmpty);
    }

    [Fact]
    public async Task At_five_versions_the_oldest_non_default_version_is_deleted_first()
    {
        using var session = await Connect();
        var policy = await session.Iam.CreatePolicyAsync("Force_MFA", GuardrailAccount.Fixture("old-force-mfa.json"), cancellationToken: Timeouts.Default);
        // v2..v5 are variations of the old document; v3 becomes the default, so v1 is the oldest non-default version.
        for (int i = 2; i <= 5; i++)
            await session.Iam.CreatePolicyVersionAsync(policy.Arn, GuardrailAccount.Fixture("old-force-mfa.json").Replace("sts:GetSessionToken", $"sts:GetSessionToken\", \"iam:Get{i}"), setAsDefault: i == 3, Timeouts.Default);
        await session.Iam.AttachGroupPolicyAsync("Admins", policy.Arn, Timeouts.Default);

        var prepared = await ApplyRuns.PrepareAsync(session, "guardrails.yaml");
        var versionChanges = prepared.Changes.Where(c => c.PolicyArn == ForceMfa && c.Action is ChangeAction.DeletePolicyVersion or ChangeAction.CreatePolicyVersion).ToList();
        Assert.Equal([ChangeAction.DeletePolicyVersion, ChangeAction.CreatePolicyVersion], versionChanges.Select(c => c.Action));
        Assert.Equal("v1", versionChanges[0].VersionId);
        Assert.Equal("v3", versionChanges[1].PreviousDefaultVersionId);
        Assert.Equal(["v2", "v3", "v4", "v5"], versionChanges[1].VersionIdsBefore.Order());

        var (outcome, _) = await ApplyRuns.ApplyAsync(session, prepared);
        Assert.Equal(ApplyResult.Applied, outcome.Result);
        var versions = await session.Iam.ListPolicyVersionsAsync(ForceMfa, Timeouts.Default);
        Assert.Equal(5, versions.Count);
        Assert.DoesNotContain(versions, v => v.VersionId == "v1");
        Assert.True((await ApplyRuns.PrepareAsync(session, "guardrails.yaml")).IsEmpty);
    }

    [Fact]
    public async Task A_non_default_version_that_already_holds_the_document_is_made_the_default()
    {
        using var session = await Connect();
        var desired = ApplyRuns.Desired("guardrails.yaml").Find(GuardrailKind.Mfa)!;
        var policy = await session.Iam.CreatePolicyAsync("Force_MFA", GuardrailAccount.Fixture("old-force-mfa.json"), cancellationToken: Timeouts.Default);
        await session.Iam.CreatePolicyVersionAsync(policy.Arn, desired.DocumentJson, setAsDefault: false, Timeouts.Default);

        var prepared = await ApplyRuns.PrepareAsync(session, "guardrails.yaml");
        var change = Assert.Single(prepared.Changes, c => c.PolicyArn == ForceMfa && c.Action != ChangeAction.AttachGroupPolicy);
        Assert.Equal(ChangeAction.SetDefaultPolicyVersion, change.Action);
        Assert.Equal(("v2", "v1"), (change.VersionId, change.PreviousDefaultVersionId));
    }

    [Fact]
    public async Task A_document_that_differs_only_in_layout_order_and_case_is_left_alone()
    {
        using var session = await Connect();
        // The desired document, rewritten: statements reversed, list values reversed, action names lower-cased,
        // single values as one-element lists, Sids dropped, other indentation.
        var desired = ApplyRuns.Desired("guardrails.yaml").Find(GuardrailKind.Mfa)!;
        var json = System.Text.Json.Nodes.JsonNode.Parse(desired.DocumentJson)!;
        var statements = json["Statement"]!.AsArray().Select(s => s!.DeepClone().AsObject()).Reverse().ToList();
        foreach (var statement in statements)
        {
            statement.Remove("Sid");
            foreach (var key in new[] { "Action", "NotAction", "Resource", "NotResource" })
                if (statement[key] is { } value)
                    statement[key] = value is System.Text.Json.Nodes.JsonArray list
                        ? new System.Text.Json.Nodes.JsonArray(list.Reverse().Select(v => (System.Text.Json.Nodes.JsonNode)(key.Contains("Action") ? v!.GetValue<string>().ToLowerInvariant() : v!.GetValue<string>())).ToArray())
                        : new System.Text.Json.Nodes.JsonArray(value.GetValue<string>());
        }
        var rewritten = new System.Text.Json.Nodes.JsonObject { ["Statement"] = new System.Text.Json.Nodes.JsonArray(statements.ToArray()), ["Version"] = "2012-10-17" }
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        Assert.NotEqual(desired.DocumentJson, rewritten);
        await session.Iam.CreatePolicyAsync("Force_MFA", rewritten, cancellationToken: Timeouts.Default);

        var prepared = await ApplyRuns.PrepareAsync(session, "guardrails.yaml");
        Assert.DoesNotContain(prepared.Changes, c => c.PolicyArn == ForceMfa && c.Action is not ChangeAction.AttachGroupPolicy);
    }

    [Fact]
    public async Task Only_managed_policies_are_detached_and_an_empty_group_list_removes_the_guardrail()
    {
        using var session = await Connect();
        await ApplyRuns.ApplyAsync(session, await ApplyRuns.PrepareAsync(session, "guardrails.yaml"));

        // mfa-only-developers.yaml manages Force_MFA only, for Developers: Admins loses it; Restrict_Source_IP is not managed and stays.
        var prepared = await ApplyRuns.PrepareAsync(session, "mfa-only-developers.yaml");
        var change = Assert.Single(prepared.Changes);
        Assert.Equal((ChangeAction.DetachGroupPolicy, "Admins", ForceMfa), (change.Action, change.GroupName, change.PolicyArn));
        Assert.Equal(["admin", "alice"], change.Users.Select(u => u.Name));
        Assert.Equal(ApplyResult.Applied, (await ApplyRuns.ApplyAsync(session, prepared)).Outcome.Result);
        Assert.Contains($"group Admins: {GuardrailAccount.Arn("policy/AdminAccess")}, {RestrictIp}", await AccountFingerprint.ReadAsync(session.Iam));
    }

    [Fact]
    public async Task A_policy_name_in_use_at_another_path_is_a_configuration_error_until_the_path_is_set()
    {
        using var session = await Connect();
        await session.Iam.CreatePolicyAsync("Force_MFA", GuardrailAccount.Fixture("old-force-mfa.json"), "/security/", cancellationToken: Timeouts.Default);

        var error = await Assert.ThrowsAsync<ConfigException>(() => ApplyRuns.PrepareAsync(session, "guardrails.yaml"));
        Assert.Contains("guardrails.yaml:9:3: the account already has a policy named Force_MFA (arn:aws:iam::123456789012:policy/security/Force_MFA)", error.Message);
        Assert.Contains("set policyPath: /security/", error.Message);

        var prepared = await ApplyRuns.PrepareAsync(session, "security-path.yaml");
        Assert.Contains(prepared.Changes, c => c.Action == ChangeAction.CreatePolicyVersion && c.PolicyArn == GuardrailAccount.Arn("policy/security/Force_MFA"));
    }
}
