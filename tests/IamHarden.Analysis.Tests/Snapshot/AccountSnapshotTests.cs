using IamHarden.Analysis.Snapshot;

namespace IamHarden.Analysis.Tests.Snapshot;

public class AccountSnapshotTests
{
    [Fact]
    public void A_copy_with_other_groups_finds_its_own_groups_not_the_originals()
    {
        // apply's lockout guard projects the account with `with { Groups = ... }` after a planned attach; a name
        // index built on the original (and copied by `with`) once hid the attached guardrail from every user.
        var snapshot = SnapshotReader.Read(Fixtures.Sample("account"), BundledAwsManagedPolicies.Find);
        var original = snapshot.Groups[0];
        Assert.Same(original, snapshot.FindGroup(original.Name));

        var changed = original with { AttachedPolicies = [.. original.AttachedPolicies, new AttachedPolicy("Force_MFA", "arn:aws:iam::123456789012:policy/Force_MFA")] };
        var projected = snapshot with { Groups = [changed, .. snapshot.Groups.Skip(1)] };

        Assert.Same(changed, projected.FindGroup(original.Name));
        Assert.Same(original, snapshot.FindGroup(original.Name));
    }
}
