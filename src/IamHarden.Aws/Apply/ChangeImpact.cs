using Snapshot = IamHarden.Analysis.Snapshot;

namespace IamHarden.Aws.Apply;

/// <summary>
/// Fills in the users each change affects, taking the changes in the order they will be made: an attach affects the
/// group's members who did not hold the policy yet, a detach those who no longer hold it afterwards, a new default
/// version everyone holding the policy at that point (directly or through any group). Creating a policy or deleting a
/// non-default version affects nobody.
/// </summary>
public static class ChangeImpact
{
    public static IReadOnlyList<PlannedChange> Annotate(IReadOnlyList<PlannedChange> changes, Snapshot.AccountSnapshot snapshot)
    {
        var state = AccountProjection.Of(snapshot);
        var result = new List<PlannedChange>(changes.Count);
        foreach (var change in changes)
        {
            var next = state.With(change);
            IEnumerable<Snapshot.IamUser> users = change.Action switch
            {
                ChangeAction.AttachGroupPolicy or ChangeAction.DetachGroupPolicy =>
                    snapshot.Users.Where(u => state.Holds(u, change.PolicyArn) != next.Holds(u, change.PolicyArn)),
                ChangeAction.CreatePolicyVersion or ChangeAction.SetDefaultPolicyVersion => state.Holders(change.PolicyArn),
                _ => [],
            };
            result.Add(change with { Users = users.Select(u => new AffectedUser(u.Name, u.Arn)).OrderBy(u => u.Name, StringComparer.Ordinal).ToList() });
            state = next;
        }
        return result;
    }
}
