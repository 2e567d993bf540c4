using System.Collections.Immutable;
using Snapshot = IamHarden.Analysis.Snapshot;

namespace IamHarden.Aws.Apply;

/// <summary>
/// The account as it would be after some of the planned changes: which managed policies each group holds and which
/// document each guardrail policy has in force. Immutable; <see cref="With"/> gives the state after one more change.
/// <see cref="ToSnapshot"/> turns it back into the audit's snapshot model, so the evaluator can judge every user's
/// effective policies at that point.
/// </summary>
public sealed class AccountProjection
{
    private readonly Snapshot.AccountSnapshot _start;
    private readonly ImmutableDictionary<string, ImmutableHashSet<string>> _groupPolicies;
    private readonly ImmutableDictionary<string, Snapshot.ManagedPolicy> _policies;

    private AccountProjection(Snapshot.AccountSnapshot start, ImmutableDictionary<string, ImmutableHashSet<string>> groupPolicies,
        ImmutableDictionary<string, Snapshot.ManagedPolicy> policies)
    {
        _start = start;
        _groupPolicies = groupPolicies;
        _policies = policies;
    }

    /// <summary>The account as read.</summary>
    public static AccountProjection Of(Snapshot.AccountSnapshot snapshot) => new(snapshot,
        snapshot.Groups.ToImmutableDictionary(g => g.Name, g => g.AttachedPolicies.Select(a => a.Arn).ToImmutableHashSet(StringComparer.Ordinal), StringComparer.Ordinal),
        snapshot.ManagedPolicies.ToImmutableDictionary(StringComparer.Ordinal));

    /// <summary>The state after <paramref name="change"/> as well.</summary>
    public AccountProjection With(PlannedChange change)
    {
        switch (change.Action)
        {
            case ChangeAction.CreatePolicy:
                return new(_start, _groupPolicies, _policies.SetItem(change.PolicyArn,
                    new Snapshot.ManagedPolicy(change.PolicyArn, change.PolicyName, change.Path ?? "/", "v1", change.Document!, 0, 1)));
            case ChangeAction.CreatePolicyVersion or ChangeAction.SetDefaultPolicyVersion when _policies.TryGetValue(change.PolicyArn, out var policy):
                return new(_start, _groupPolicies, _policies.SetItem(change.PolicyArn, policy with { Document = change.Document! }));
            case ChangeAction.AttachGroupPolicy:
                return new(_start, _groupPolicies.SetItem(change.GroupName!, Policies(change.GroupName!).Add(change.PolicyArn)), _policies);
            case ChangeAction.DetachGroupPolicy:
                return new(_start, _groupPolicies.SetItem(change.GroupName!, Policies(change.GroupName!).Remove(change.PolicyArn)), _policies);
            default:
                // Deleting a non-default version changes nobody's permissions.
                return this;
        }
    }

    /// <summary>The state after every change in order.</summary>
    public AccountProjection WithAll(IEnumerable<PlannedChange> changes) => changes.Aggregate(this, (state, change) => state.With(change));

    /// <summary>Whether the user holds the managed policy, attached directly or through one of its groups.</summary>
    public bool Holds(Snapshot.IamUser user, string policyArn) =>
        user.AttachedPolicies.Any(a => a.Arn == policyArn) || user.GroupNames.Any(g => Policies(g).Contains(policyArn));

    /// <summary>The users holding the managed policy.</summary>
    public IEnumerable<Snapshot.IamUser> Holders(string policyArn) => _start.Users.Where(u => Holds(u, policyArn));

    /// <summary>The managed policies the group holds.</summary>
    public ImmutableHashSet<string> Policies(string groupName) =>
        _groupPolicies.TryGetValue(groupName, out var set) ? set : ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>The snapshot model of this state (groups' attachments and policy documents replaced).</summary>
    public Snapshot.AccountSnapshot ToSnapshot() => _start with
    {
        Groups = _start.Groups.Select(g => g with
        {
            AttachedPolicies = Policies(g.Name).Order(StringComparer.Ordinal)
                .Select(arn => new Snapshot.AttachedPolicy(_policies.TryGetValue(arn, out var p) ? p.Name : arn[(arn.LastIndexOf('/') + 1)..], arn)).ToList(),
        }).ToList(),
        ManagedPolicies = _policies,
    };
}
