using IamHarden.Analysis.Snapshot;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Audit;

/// <summary>
/// The effective policies of each user (spec §1.3): the user's inline and attached managed
/// policies, those of every group, the permissions boundary, and SCPs given on the command line.
/// Every document is compiled once and shared; users with the same policies share one PolicySet.
/// </summary>
public sealed class PrincipalPolicies
{
    private readonly AccountSnapshot _snapshot;
    private readonly IReadOnlyList<CompiledPolicy> _scps;
    private readonly Dictionary<(PolicyKind Kind, string Arn), CompiledPolicy> _managed = new();
    // Fingerprints are made of small numbers, one per distinct policy, rather than the policies'
    // ARNs and texts: short to build, compare and hash, and a user's costs one short string.
    private readonly Dictionary<string, int> _boundaryIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _inlineIds = new(StringComparer.Ordinal);
    private int _nextId;
    private readonly Dictionary<string, string[]> _groupDescriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (PolicySet Set, string Fingerprint, bool Undetermined)> _byUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PolicySet> _byFingerprint = new(StringComparer.Ordinal);
    private readonly Dictionary<PolicyDocument, Dictionary<string, CompiledPolicy>> _inline = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PolicyDocument, (string Name, string Key)> _inlineKeys = new(ReferenceEqualityComparer.Instance);

    public PrincipalPolicies(AccountSnapshot snapshot, IReadOnlyList<CompiledPolicy> serviceControlPolicies)
    {
        _snapshot = snapshot;
        _scps = serviceControlPolicies;
    }

    /// <summary>The policies that decide this user's requests.</summary>
    public PolicySet For(IamUser user) => Resolve(user).Set;

    /// <summary>How many distinct policy sets <paramref name="users"/> have (users with the same policies share one).</summary>
    public int DistinctSets(IEnumerable<IamUser> users) => users.Select(For).Distinct(ReferenceEqualityComparer.Instance).Count();

    /// <summary>A key that is equal for users with exactly the same policies (for caching analysis results).</summary>
    public string Fingerprint(IamUser user) => Resolve(user).Fingerprint;

    /// <summary>True when one of the user's policies (or groups) could not be read: verdicts about the user are undetermined.</summary>
    public bool IsUndetermined(IamUser user) => Resolve(user).Undetermined;

    /// <summary>The names of the user's policies, with where they come from (for reports).</summary>
    public IReadOnlyList<string> Describe(IamUser user)
    {
        var names = new List<string>();
        foreach (var p in user.InlinePolicies) names.Add($"{p.Name} (inline)");
        foreach (var p in user.AttachedPolicies) names.Add($"{p.Name} (attached)");
        // A group's lines are the same for every member: made once per group.
        foreach (var groupName in user.GroupNames) names.AddRange(DescribeGroup(groupName));
        if (user.PermissionsBoundaryArn is { } boundary) names.Add($"{boundary.Split('/')[^1]} (permissions boundary)");
        return names;
    }

    private string[] DescribeGroup(string groupName)
    {
        if (_groupDescriptions.TryGetValue(groupName, out var known)) return known;
        if (_snapshot.FindGroup(groupName) is not { } group) known = [$"group {groupName} (not described in the snapshot)"];
        else known = [.. group.InlinePolicies.Select(p => $"{p.Name} (inline, group {group.Name})"), .. group.AttachedPolicies.Select(p => $"{p.Name} (group {group.Name})")];
        return _groupDescriptions[groupName] = known;
    }

    private (PolicySet Set, string Fingerprint, bool Undetermined) Resolve(IamUser user)
    {
        if (_byUser.TryGetValue(user.Arn, out var cached)) return cached;
        var identity = new List<CompiledPolicy>();
        var keys = new List<int>();
        bool undetermined = _snapshot.UnparsablePolicyHolders.Contains(user.Arn);
        foreach (var p in user.InlinePolicies) { identity.Add(Inline(p)); keys.Add(InlineId(p)); }
        foreach (var a in user.AttachedPolicies) undetermined |= !AddManaged(a.Arn, identity, keys);
        var groupNames = user.GroupNames.ToArray();
        Array.Sort(groupNames, StringComparer.Ordinal);
        for (int g = 0; g < groupNames.Length; g++)
        {
            var groupName = groupNames[g];
            if (g > 0 && groupName == groupNames[g - 1]) continue; // a group listed twice counts once
            var part = GroupPart(groupName);
            identity.AddRange(part.Policies);
            keys.AddRange(part.Ids);
            undetermined |= part.Undetermined;
        }
        CompiledPolicy? boundary = null;
        if (user.PermissionsBoundaryArn is { } boundaryArn)
        {
            if (Managed(boundaryArn, PolicyKind.PermissionsBoundary) is { } b) { boundary = b; keys.Add(Id(_boundaryIds, boundaryArn)); }
            else undetermined = true;
        }
        keys.Sort();
        var fingerprint = string.Join(",", keys);
        if (!_byFingerprint.TryGetValue(fingerprint, out var set))
        {
            set = new PolicySet
            {
                Identity = identity,
                PermissionsBoundary = boundary,
                ServiceControlPolicyLevels = _scps.Count == 0 ? [] : [_scps],
            };
            _byFingerprint[fingerprint] = set;
        }
        var result = (set, fingerprint, undetermined);
        _byUser[user.Arn] = result;
        return result;
    }

    /// <summary>What a group adds to each member's policies: worked out once per group, not once per member.</summary>
    private sealed record GroupPolicies(List<CompiledPolicy> Policies, List<int> Ids, bool Undetermined);

    private readonly Dictionary<string, GroupPolicies> _groups = new(StringComparer.Ordinal);

    private GroupPolicies GroupPart(string groupName)
    {
        if (_groups.TryGetValue(groupName, out var known)) return known;
        var policies = new List<CompiledPolicy>();
        var ids = new List<int>();
        bool undetermined;
        if (_snapshot.FindGroup(groupName) is not { } group) undetermined = true;
        else
        {
            undetermined = _snapshot.UnparsablePolicyHolders.Contains(group.Arn);
            foreach (var p in group.InlinePolicies) { policies.Add(Inline(p)); ids.Add(InlineId(p)); }
            foreach (var a in group.AttachedPolicies) undetermined |= !AddManaged(a.Arn, policies, ids);
        }
        return _groups[groupName] = new GroupPolicies(policies, ids, undetermined);
    }

    private int Id(Dictionary<string, int> ids, string key)
    {
        if (!ids.TryGetValue(key, out var id)) ids[key] = id = _nextId++;
        return id;
    }

    private int InlineId(InlinePolicy policy) => Id(_inlineIds, InlineKey(policy));

    /// <summary>Inline policies are keyed by content: many principals carry identical copies, and they should share results.</summary>
    private string InlineKey(InlinePolicy policy)
    {
        if (!_inlineKeys.TryGetValue(policy.Document, out var known) || known.Name != policy.Name)
        {
            known = (policy.Name, "i:" + policy.Name + ":" + PolicyPrinter.Print(policy.Document, indented: false));
            _inlineKeys[policy.Document] = known;
        }
        return known.Key;
    }

    /// <summary>Each attached managed policy compiled and numbered once (null when the snapshot does not hold it).</summary>
    private readonly Dictionary<string, (CompiledPolicy Policy, int Id)?> _attachable = new(StringComparer.Ordinal);

    private bool AddManaged(string arn, List<CompiledPolicy> identity, List<int> keys)
    {
        if (!_attachable.TryGetValue(arn, out var known))
            _attachable[arn] = known = Managed(arn, PolicyKind.Identity) is { } compiled ? (compiled, _nextId++) : null;
        if (known is not { } policy) return false;
        identity.Add(policy.Policy);
        keys.Add(policy.Id);
        return true;
    }

    private CompiledPolicy? Managed(string arn, PolicyKind kind)
    {
        var key = (kind, arn);
        if (_managed.TryGetValue(key, out var compiled)) return compiled;
        if (!_snapshot.ManagedPolicies.TryGetValue(arn, out var policy)) return null;
        var document = kind == PolicyKind.Identity ? policy.Document : policy.Document with { Kind = kind };
        compiled = CompiledPolicy.Compile(document, policy.Name);
        _managed[key] = compiled;
        return compiled;
    }

    private CompiledPolicy Inline(InlinePolicy policy)
    {
        if (!_inline.TryGetValue(policy.Document, out var byName)) _inline[policy.Document] = byName = new(StringComparer.Ordinal);
        if (!byName.TryGetValue(policy.Name, out var compiled)) byName[policy.Name] = compiled = CompiledPolicy.Compile(policy.Document, policy.Name);
        return compiled;
    }
}
