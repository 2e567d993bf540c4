using IamHarden.Analysis.Configuration;
using IamHarden.Core.Policy;
using IamHarden.Core.Text;

namespace IamHarden.Aws.Apply;

/// <summary>
/// Works out the changes that bring the account to the desired state, without calling AWS: create a missing policy;
/// when the document in force differs in meaning (<see cref="PolicyEquivalence"/>), make a matching non-default
/// version the default or create a new default version, first deleting the oldest non-default version when the
/// policy already has AWS's maximum of five; attach the policy to the listed groups and detach it from every other
/// group. Only the policies named by the configuration are touched. An account already in the desired state gives no
/// changes. The changes come in a safe base order (create, detach, versions, attach); <see cref="LockoutGuard"/> may
/// reorder them so that the caller's own restriction comes last.
/// </summary>
public static class ApplyPlanner
{
    /// <summary>AWS keeps at most five versions of a managed policy (IAM quotas: "Versions per managed policy").</summary>
    public const int MaxPolicyVersions = 5;

    /// <summary>Plans the changes. Throws <see cref="ConfigException"/> (with the position in the configuration) for
    /// groups the account does not have and for a policy name the account already uses at another path.</summary>
    public static IReadOnlyList<PlannedChange> Plan(DesiredState desired, AccountState state)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(state);
        CheckGroupsExist(desired, state);
        var creates = new List<PlannedChange>();
        var detaches = new List<PlannedChange>();
        var versions = new List<PlannedChange>();
        var attaches = new List<PlannedChange>();
        foreach (var guardrail in desired.Guardrails)
        {
            var arn = guardrail.ArnIn(state.Partition, state.AccountId);
            var existing = FindPolicy(desired.Config, guardrail, arn, state);
            var attached = state.Snapshot.Groups.Where(g => g.AttachedPolicies.Any(a => a.Arn == arn)).Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
            var wanted = guardrail.Groups.Select(name => state.Snapshot.FindGroup(name)!.Name).ToList();

            if (existing is null)
            {
                // A policy nobody holds is not created: an empty group list only takes the guardrail away.
                if (wanted.Count == 0) continue;
                creates.Add(Change(guardrail, arn, ChangeAction.CreatePolicy, arn,
                    $"the account has no policy {guardrail.PolicyName} for the {guardrail.Kind.Describe()}") with
                {
                    Path = guardrail.Path, DocumentJson = guardrail.DocumentJson, Document = guardrail.Document,
                });
            }
            else versions.AddRange(PlanVersion(guardrail, arn, existing));

            foreach (var group in attached.Where(g => !wanted.Contains(g, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
                detaches.Add(GroupChange(guardrail, arn, ChangeAction.DetachGroupPolicy, group, state,
                    $"group {group} holds {guardrail.PolicyName} but {guardrail.GroupsKey} does not list it"));
            foreach (var group in wanted.Where(g => !attached.Contains(g)))
                attaches.Add(GroupChange(guardrail, arn, ChangeAction.AttachGroupPolicy, group, state,
                    $"{guardrail.GroupsKey} lists group {group}, which does not hold {guardrail.PolicyName} yet"));
        }
        return [.. creates, .. detaches, .. versions, .. attaches];
    }

    private static IEnumerable<PlannedChange> PlanVersion(DesiredGuardrail guardrail, string arn, ManagedPolicyState policy)
    {
        var current = policy.DefaultVersion;
        if (current?.Document is { } document && PolicyEquivalence.AreEquivalent(document, guardrail.Document)) yield break;
        var previous = policy.DefaultVersionId;
        var same = policy.Versions.Where(v => !v.IsDefault && v.Document is not null && PolicyEquivalence.AreEquivalent(v.Document, guardrail.Document))
            .OrderByDescending(v => v.CreateDate).FirstOrDefault();
        if (same is not null)
        {
            yield return Change(guardrail, arn, ChangeAction.SetDefaultPolicyVersion, arn,
                $"the default version {previous} differs from the desired document, which version {same.VersionId} already holds") with
            {
                VersionId = same.VersionId, PreviousDefaultVersionId = previous, DocumentJson = same.DocumentJson, Document = same.Document,
            };
            yield break;
        }
        var ids = policy.Versions.Select(v => v.VersionId).ToList();
        if (policy.Versions.Count >= MaxPolicyVersions)
        {
            var oldest = policy.Versions.Where(v => !v.IsDefault).OrderBy(v => v.CreateDate).ThenBy(v => VersionNumber(v.VersionId)).First();
            yield return Change(guardrail, arn, ChangeAction.DeletePolicyVersion, arn,
                $"{guardrail.PolicyName} has {policy.Versions.Count} versions, AWS's maximum; the oldest non-default version ({oldest.VersionId}) makes room for the new one") with
            {
                VersionId = oldest.VersionId, DocumentJson = oldest.DocumentJson, Document = oldest.Document,
            };
            ids.Remove(oldest.VersionId);
        }
        yield return Change(guardrail, arn, ChangeAction.CreatePolicyVersion, arn,
            current?.Document is null
                ? $"the default version {previous} of {guardrail.PolicyName} could not be read as a policy"
                : $"the default version {previous} of {guardrail.PolicyName} differs from the desired document") with
        {
            PreviousDefaultVersionId = previous, VersionIdsBefore = ids, DocumentJson = guardrail.DocumentJson, Document = guardrail.Document,
        };
    }

    private static ManagedPolicyState? FindPolicy(IamHardenConfig config, DesiredGuardrail guardrail, string arn, AccountState state)
    {
        if (state.GuardrailPolicies.TryGetValue(arn, out var exact)) return exact;
        // IAM policy names are unique in an account whatever the path, and ignore case (CreatePolicy's PolicyName).
        var clash = state.GuardrailPolicies.Values.FirstOrDefault(p => string.Equals(p.Name, guardrail.PolicyName, StringComparison.OrdinalIgnoreCase));
        if (clash is null) return null;
        var key = guardrail.Kind.ConfigKey() + ".policyName";
        throw new ConfigException(
            $"{config.Position(config.Has(key) ? key : "policyPath")}: the account already has a policy named {clash.Name} ({clash.Arn}); " +
            $"IAM policy names are unique in an account, whatever the path and case. To manage that policy set policyPath: {clash.Path} " +
            $"(and {key}: {clash.Name}); otherwise choose another {key}");
    }

    private static void CheckGroupsExist(DesiredState desired, AccountState state)
    {
        var names = state.Snapshot.Groups.Select(g => g.Name).ToList();
        var problems = new List<string>();
        foreach (var guardrail in desired.Guardrails)
            for (int i = 0; i < guardrail.Groups.Count; i++)
            {
                var name = guardrail.Groups[i];
                if (state.Snapshot.FindGroup(name) is not null) continue;
                var nearest = names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
                              ?? FuzzyMatch.Best(name, names, Math.Max(2, name.Length / 3));
                problems.Add($"{desired.Config.Position($"{guardrail.GroupsKey}[{i}]")}: {guardrail.GroupsKey}: account {state.AccountId} has no group \"{name}\"" +
                             (nearest is null ? "" : $"; did you mean \"{nearest}\"?"));
            }
        if (problems.Count > 0) throw new ConfigException(string.Join(Environment.NewLine, problems));
    }

    private static PlannedChange Change(DesiredGuardrail guardrail, string arn, ChangeAction action, string target, string reason) => new()
    {
        Action = action,
        Target = target,
        Guardrail = guardrail.Kind,
        PolicyArn = arn,
        PolicyName = guardrail.PolicyName,
        Reason = reason,
    };

    private static PlannedChange GroupChange(DesiredGuardrail guardrail, string arn, ChangeAction action, string group, AccountState state, string reason) =>
        Change(guardrail, arn, action, state.Snapshot.FindGroup(group)!.Arn, reason) with { GroupName = group };

    private static int VersionNumber(string versionId) => int.TryParse(versionId.AsSpan(1), out var n) ? n : int.MaxValue;
}
