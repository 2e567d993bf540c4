using IamHarden.Analysis.Guardrails;
using IamHarden.Analysis.Replay;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Tests.Replay;

/// <summary>
/// Past calls run through the guide's policies. The expected decisions follow the spec
/// (shared/spec/iam-evaluation.md §7.1 for BoolIfExists and long-term keys, §8.2 for the
/// aws:ViaAWSService guard and VPC endpoints) and are checked here on CloudTrail-shaped input.
/// </summary>
public class PolicyReplayerTests
{
    private static readonly IpRestrictionOptions Office = new() { Cidrs = ["203.0.113.0/24", "2001:db8:1234::/48"] };

    private static ProposedPolicy Identity(PolicyDocument document) => new(CompiledPolicy.Compile(document), PolicyPlacement.Identity);

    private static ProposedPolicy FromFile(string name, PolicyPlacement placement, PolicyKind kind) =>
        new(CompiledPolicy.Parse(File.ReadAllText(ReplayFixtures.File(Path.Combine("policies", name))), name, kind), placement);

    private static ReplayReport Replay(IEnumerable<string> eventIds, ReplayOptions? options = null, params ProposedPolicy[] policies) =>
        new PolicyReplayer(policies, options ?? new ReplayOptions(), new ReplayRequestBuilder()).Run(eventIds.Select(ReplayFixtures.Record));

    /// <summary>Whether the proposed policies would have refused the call with this eventID (null: not decided).</summary>
    private static bool? Refused(string eventId, params ProposedPolicy[] policies)
    {
        var report = Replay([eventId], null, policies);
        return report.Evaluated == 0 ? null : report.WouldBeDenied == 1;
    }

    private static ProposedPolicy RecommendedMfa => Identity(GuardrailPolicies.Mfa(GuardrailVariant.Recommended));
    private static ProposedPolicy GuideMfa => Identity(GuardrailPolicies.Mfa(GuardrailVariant.Guide));
    private static ProposedPolicy RecommendedIp => Identity(GuardrailPolicies.IpRestriction(GuardrailVariant.Recommended, Office));
    private static ProposedPolicy GuideIp => Identity(GuardrailPolicies.IpRestriction(GuardrailVariant.Guide, Office with { Cidrs = ["203.0.113.0/24"] }));

    [Theory]
    [InlineData("long-term-key-call", true)]
    [InlineData("session-without-mfa", true)]
    [InlineData("session-with-mfa", false)]
    [InlineData("enrol-create-device", false)]
    [InlineData("enrol-enable-device", false)]
    [InlineData("enrol-list-own-devices", false)]
    [InlineData("change-own-password", false)]
    [InlineData("enable-device-for-another-user", true)]
    [InlineData("failed-after-authorization", true)]
    public void The_recommended_MFA_policy(string eventId, bool refused) => Assert.Equal(refused, Refused(eventId, RecommendedMfa));

    [Fact]
    public void The_guides_MFA_policy_blocks_a_password_change_without_MFA() =>
        Assert.True(Refused("change-own-password", GuideMfa));

    [Fact]
    public void Bool_instead_of_BoolIfExists_lets_long_term_keys_through()
    {
        var boolMfa = FromFile("bool-force-mfa.json", PolicyPlacement.Identity, PolicyKind.Identity);
        Assert.False(Refused("long-term-key-call", boolMfa));
        Assert.True(Refused("session-without-mfa", boolMfa));
    }

    [Theory]
    [InlineData("from-home", true)]
    [InlineData("from-office-ipv6", false)]
    [InlineData("session-with-mfa", false)]
    [InlineData("via-cloudformation", false)]
    [InlineData("via-vpc-endpoint", true)]
    public void The_recommended_IP_policy(string eventId, bool refused) => Assert.Equal(refused, Refused(eventId, RecommendedIp));

    [Fact]
    public void The_guides_IP_policy_also_blocks_services_acting_for_the_user() =>
        Assert.True(Refused("via-cloudformation", GuideIp));

    [Fact]
    public void An_allowed_VPC_endpoint_is_not_refused()
    {
        var ip = Identity(GuardrailPolicies.IpRestriction(GuardrailVariant.Recommended, Office with { VpcEndpointIds = ["vpce-0a1b2c3d4e5f67890"] }));
        Assert.False(Refused("via-vpc-endpoint", ip));
    }

    [Fact]
    public void The_refusal_names_the_statement_and_is_counted_per_principal()
    {
        var report = Replay(["long-term-key-call", "session-with-mfa", "from-home"], null, RecommendedMfa, RecommendedIp);
        Assert.Equal(3, report.Evaluated);
        Assert.Equal(2, report.WouldBeDenied);
        var bob = report.Principals["arn:aws:iam::111122223333:user/bob"];
        Assert.Equal(1, bob.WouldBeDenied);
        Assert.Equal("Force_MFA/DenyAllExceptEnrollmentIfNoMFA", Assert.Single(bob.DeniedBy).Key);
        var alice = report.Principals["arn:aws:iam::111122223333:user/alice"];
        Assert.Equal((2, 1), (alice.Evaluated, alice.WouldBeDenied));
        Assert.Equal(["198.51.100.77"], alice.DeniedSourceAddresses);
        var group = report.DeniedGroups[("arn:aws:iam::111122223333:user/alice", "s3:ListAllMyBuckets", "Restrict_Source_IP/DenyAccessFromUnapprovedNetworks")];
        Assert.Equal(Decision.ExplicitDeny, group.Example.Result.Decision);
    }

    [Fact]
    public void Events_IAM_policies_do_not_decide_are_set_aside_with_the_reason()
    {
        var report = Replay(["sign-in", "caller-identity", "service-event", "already-denied", "role-session", "root-call", "api-gateway-management", "long-term-key-call", "long-term-key-call"], null, RecommendedMfa);
        Assert.Equal(1, report.Evaluated);
        Assert.Equal(1, report.Skipped[ReplaySkipReason.SignIn]);
        Assert.Equal(1, report.Skipped[ReplaySkipReason.NeedsNoPermission]);
        Assert.Equal(1, report.Skipped[ReplaySkipReason.ServiceEvent]);
        Assert.Equal(1, report.Skipped[ReplaySkipReason.AlreadyDenied]);
        Assert.Equal(2, report.Skipped[ReplaySkipReason.OtherPrincipal]);
        Assert.Equal(1, report.Skipped[ReplaySkipReason.ActionNotDerivable]);
        Assert.Equal(1, report.Skipped[ReplaySkipReason.Duplicate]);
    }

    [Fact]
    public void Role_sessions_are_decided_when_asked_for()
    {
        var report = Replay(["role-session"], new ReplayOptions { IncludeRoles = true }, RecommendedMfa);
        Assert.Equal(1, report.WouldBeDenied);
    }

    [Fact]
    public void Policies_reach_only_the_principals_in_their_scope()
    {
        var onlyAlice = RecommendedMfa with { PrincipalArns = new HashSet<string> { "arn:aws:iam::111122223333:user/alice" } };
        var report = Replay(["long-term-key-call", "session-with-mfa"], null, onlyAlice);
        Assert.Equal(1, report.Evaluated);
        Assert.Equal(0, report.WouldBeDenied);
        Assert.Equal(1, report.Skipped[ReplaySkipReason.OutOfScope]);

        var scoped = new PolicyReplayer([RecommendedMfa], new ReplayOptions(), new ReplayRequestBuilder(), p => p.Name == "alice")
            .Run(new[] { "long-term-key-call", "session-with-mfa" }.Select(ReplayFixtures.Record));
        Assert.Equal((1L, 0L), (scoped.Evaluated, scoped.WouldBeDenied));
    }

    [Fact]
    public void The_time_window_limits_what_is_decided()
    {
        var options = new ReplayOptions { Since = new DateTimeOffset(2026, 11, 10, 9, 40, 0, TimeSpan.Zero) };
        var report = Replay(["long-term-key-call", "session-with-mfa"], options, RecommendedMfa);
        Assert.Equal(1, report.Evaluated);
        Assert.Equal(1, report.Skipped[ReplaySkipReason.OutsideWindow]);
    }

    [Fact]
    public void A_boundary_refuses_what_it_does_not_allow()
    {
        var boundary = FromFile("ec2-only-boundary.json", PolicyPlacement.PermissionsBoundary, PolicyKind.PermissionsBoundary);
        var report = Replay(["long-term-key-call", "from-home"], null, boundary);
        Assert.Equal(1, report.WouldBeDenied);
        var group = Assert.Single(report.DeniedGroups.Values);
        Assert.Equal("s3:ListAllMyBuckets", group.Example.Request.Action);
        Assert.Equal("the permissions boundary does not allow it", group.Example.DecidedBy);
    }

    [Fact]
    public void An_SCP_is_replayed_for_root_too()
    {
        var scp = FromFile("region-scp.json", PolicyPlacement.ServiceControl, PolicyKind.ServiceControl);
        // Every fixture call goes to us-east-1: the SCP refuses the EC2 calls of users and of root.
        var report = Replay(["long-term-key-call", "root-call", "from-home"], null, scp);
        Assert.Equal(3, report.Evaluated);
        Assert.Equal(2, report.WouldBeDenied);
        Assert.True(report.Principals["arn:aws:iam::111122223333:root"].WouldBeDenied == 1);
    }

    [Fact]
    public void Denied_calls_stream_to_the_callback_as_found()
    {
        var seen = new List<string>();
        new PolicyReplayer([RecommendedMfa], new ReplayOptions(), new ReplayRequestBuilder())
            .Run(ReplayFixtures.All, e => seen.Add(e.Record.EventId));
        Assert.Contains("long-term-key-call", seen);
        Assert.DoesNotContain("session-with-mfa", seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }
}
