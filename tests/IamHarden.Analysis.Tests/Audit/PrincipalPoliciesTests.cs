using IamHarden.Analysis.Audit;
using IamHarden.Analysis.Audit.Access;

namespace IamHarden.Analysis.Tests.Audit;

/// <summary>Users' effective policies: shared between users with the same policies, however they got them.</summary>
public class PrincipalPoliciesTests
{
    [Fact]
    public void Users_with_the_same_policies_share_one_set_whichever_group_or_attachment_gives_them()
    {
        var snapshot = new TestAccount()
            .Group("dev", "allow-all")
            .Group("ops", "allow-all")
            .User("alice", ["dev"]).User("bob", ["dev"]).User("carol", ["ops"])
            .User("dave", attached: ["allow-all"])
            .User("erin", ["dev"], boundary: "boundary-read-only")
            .Build();
        var policies = new PrincipalPolicies(snapshot, []);

        Assert.Equal(2, policies.DistinctSets(snapshot.Users));
        var alice = snapshot.Users[0];
        Assert.All(snapshot.Users.Take(4), u => Assert.Same(policies.For(alice), policies.For(u)));
        Assert.NotSame(policies.For(alice), policies.For(snapshot.Users[4]));
    }

    [Fact]
    public void The_audit_uses_the_policies_it_is_given_and_refuses_SCPs_given_beside_them()
    {
        var snapshot = new TestAccount().Group("dev", "allow-all").User("alice", ["dev"]).Build();
        var policies = new PrincipalPolicies(snapshot, []);
        var options = new AuditRunner.Options { Config = new(), AsOf = TestAccount.AsOf, Access = new SearchAccessAnalyzer(TestAccount.AsOf), Policies = policies };

        Assert.Single(AuditRunner.Run(snapshot, options).Users);
        var scp = Core.Evaluation.CompiledPolicy.Compile(Core.Policy.PolicyParser.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", "scp.json")
            .GetDocumentOrThrow("scp.json") with { Kind = Core.Policy.PolicyKind.ServiceControl });
        Assert.Throws<ArgumentException>(() => AuditRunner.Run(snapshot, options with { ServiceControlPolicies = [scp] }));
    }
}
