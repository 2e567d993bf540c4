using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Guardrails;
using IamHarden.Analysis.Replay;
using IamHarden.Analysis.Snapshot;
using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Tests.Replay;

/// <summary>The bundled month of history (samples/cloudtrail) against the sample config's desired guardrails.</summary>
public class SampleTrailTests
{
    private static readonly Lazy<ReplayReport> Report = new(() =>
    {
        var snapshot = SnapshotReader.Read(Fixtures.Sample("account"), BundledAwsManagedPolicies.Find);
        var config = ConfigReader.Read(Fixtures.Sample("iamharden.yaml"));
        HashSet<string> Members(IEnumerable<string> groups) =>
            snapshot.Users.Where(u => u.GroupNames.Intersect(groups).Any()).Select(u => u.Arn).ToHashSet();
        var policies = new[]
        {
            new ProposedPolicy(CompiledPolicy.Compile(GuardrailPolicies.Mfa(GuardrailVariant.Recommended)), PolicyPlacement.Identity, Members(config.Mfa.Groups)),
            new ProposedPolicy(CompiledPolicy.Compile(GuardrailPolicies.IpRestriction(GuardrailVariant.Recommended, new IpRestrictionOptions { Cidrs = config.AllowedCidrs })),
                PolicyPlacement.Identity, Members(config.IpRestriction.Groups)),
        };
        var users = snapshot.Users.ToDictionary(u => u.Name);
        var builder = new ReplayRequestBuilder(name => users.GetValueOrDefault(name)?.Arn);
        return new PolicyReplayer(policies, new ReplayOptions(), builder)
            .Run(CloudTrailReader.Read(CloudTrailReader.ExpandPaths([Fixtures.Sample("cloudtrail")])));
    });

    private static PrincipalReplay? User(string pathAndName) =>
        Report.Value.Principals.GetValueOrDefault("arn:aws:iam::111122223333:user" + pathAndName);

    [Fact]
    public void Users_without_MFA_and_access_key_callers_in_MFA_groups_would_be_refused()
    {
        Assert.True(User("/engineering/dave")!.WouldBeDenied > 0);
        Assert.True(User("/service/svc-reporting")!.WouldBeDenied == User("/service/svc-reporting")!.Evaluated);
        Assert.All(User("/bob")!.DeniedBy.Keys, k => Assert.StartsWith("Force_MFA/", k));
    }

    [Fact]
    public void Daves_MFA_enrolment_would_still_work()
    {
        var enrolment = Report.Value.DeniedGroups.Keys.Where(k => k.Principal.EndsWith("/dave"))
            .Select(k => k.Action).Intersect(["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "iam:ChangePassword"]);
        Assert.Empty(enrolment);
    }

    [Fact]
    public void The_break_glass_admin_would_be_locked_out_from_outside_the_office()
    {
        var walter = User("/emergency/walter")!;
        Assert.Equal(walter.Evaluated, walter.WouldBeDenied);
        Assert.All(walter.DeniedBy.Keys, k => Assert.StartsWith("Restrict_Source_IP/", k));
    }

    [Fact]
    public void CloudFormation_acting_for_an_admin_is_not_refused_but_a_VPC_endpoint_read_is()
    {
        Assert.DoesNotContain(Report.Value.DeniedGroups.Keys, k => k.Principal.EndsWith("/alice") && k.Action == "ec2:RunInstances");
        Assert.Contains(Report.Value.DeniedGroups.Values, g => g.Example.Request.Principal.Name == "yvonne" && g.Example.Record.VpcEndpointId is not null);
    }

    [Fact]
    public void Users_the_policies_do_not_reach_and_role_sessions_are_not_decided()
    {
        Assert.Null(User("/ci/ci-deploy"));
        Assert.True(Report.Value.Skipped[ReplaySkipReason.OutOfScope] > 0);
        Assert.True(Report.Value.Skipped[ReplaySkipReason.OtherPrincipal] > 0);
        Assert.Equal(1, Report.Value.Skipped[ReplaySkipReason.Duplicate]);
        Assert.True(User("/engineering/carol")!.Evaluated > 0);
        Assert.Equal(0, User("/engineering/carol")!.WouldBeDenied);
    }
}
