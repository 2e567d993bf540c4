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
    private readonly Dictionary<string, CompiledPolicy> _managed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (PolicySet Set, string Fingerprint, bool Undetermined)> _byUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PolicySet> _byFingerprint = new(StringComparer.Ordinal);
    private readonly Dictionary<PolicyDocument, Dictionary<string, CompiledPolicy>> _inline = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PolicyDocument, string> _inlineKeys = new(ReferenceEqualityComparer.Instance);

    public PrincipalPolicies(AccountSnapshot snapshot, IReadOnlyList<CompiledPolicy> serviceControlPolicies)
    {
        _snapshot = snapshot;
        _scps = serviceControlPolicies;
    }

    /// <summary>The policies that decide this user's requests.</summary>
    public PolicySet For(IamUser user) => Resolve(user).Set;

    /// <summary>A key that is equal for users with exactly the same policies (for caching analysis results).</summary>
    public string Fingerprint(IamUser user) => Resolve(user).Fingerprint;

    /// <summary>True when one of the user's policies (or groups) could not be read: verdicts about the user are undetermined.</summary>
    public bool IsUndetermined(IamUser user) => Resolve(user).Undetermined;

    /// <summary>The names of the user's policies, with where they come from (for reports).</summary>
    public IReadOnlyList<string> Describe(IamUser user)
    {
        var names = new List<string>();
        names.AddRange(user.InlinePolicies.Select(p => $"{p.Name} (inline)"));
        names.AddRange(user.AttachedPolicies.Select(p => $"{p.Name} (attached)"));
        foreach (var groupName in user.GroupNames)
        {
            if (_snapshot.FindGroup(groupName) is not { } group) { names.Add($"group {groupName} (not described in the snapshot)"); continue; }
            names.AddRange(group.InlinePolicies.Select(p => $"{p.Name} (inline, group {group.Name})"));
            names.AddRange(group.AttachedPolicies.Select(p => $"{p.Name} (group {group.Name})"));
        }
        if (user.PermissionsBoundaryArn is { } boundary) names.Add($"{boundary.Split('/')[^1]} (permissions boundary)");
        return names;
    }

    private (PolicySet Set, string Fingerprint, bool Undetermined) Resolve(IamUser user)
    {
        if (_byUser.TryGetValue(user.Arn, out var cached)) return cached;
        var identity = new List<CompiledPolicy>();
        var keys = new List<string>();
        bool undetermined = _snapshot.UnparsablePolicyHolders.Contains(user.Arn);
        foreach (var p in user.InlinePolicies) { identity.Add(Inline(p)); keys.Add(InlineKey(p)); }
        foreach (var a in user.AttachedPolicies) undetermined |= !AddManaged(a.Arn, identity, keys);
        foreach (var groupName in user.GroupNames.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (_snapshot.FindGroup(groupName) is not { } group) { undetermined = true; continue; }
            undetermined |= _snapshot.UnparsablePolicyHolders.Contains(group.Arn);
            foreach (var p in group.InlinePolicies) { identity.Add(Inline(p)); keys.Add(InlineKey(p)); }
            foreach (var a in group.AttachedPolicies) undetermined |= !AddManaged(a.Arn, identity, keys);
        }
        CompiledPolicy? boundary = null;
        if (user.PermissionsBoundaryArn is { } boundaryArn)
        {
            if (Managed(boundaryArn, PolicyKind.PermissionsBoundary) is { } b) { boundary = b; keys.Add("b:" + boundaryArn); }
            else undetermined = true;
        }
        var fingerprint = string.Join("|", keys.Order(StringComparer.Ordinal));
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

    /// <summary>Inline policies are keyed by content: many principals carry identical copies, and they should share results.</summary>
    private string InlineKey(InlinePolicy policy)
    {
        if (!_inlineKeys.TryGetValue(policy.Document, out var key) || !key.StartsWith("i:" + policy.Name + ":", StringComparison.Ordinal))
        {
            key = "i:" + policy.Name + ":" + PolicyPrinter.Print(policy.Document, indented: false);
            _inlineKeys[policy.Document] = key;
        }
        return key;
    }

    private bool AddManaged(string arn, List<CompiledPolicy> identity, List<string> keys)
    {
        if (Managed(arn, PolicyKind.Identity) is not { } policy) return false;
        identity.Add(policy);
        keys.Add("m:" + arn);
        return true;
    }

    private CompiledPolicy? Managed(string arn, PolicyKind kind)
    {
        var key = kind + ":" + arn;
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
