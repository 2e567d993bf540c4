using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Replay;

/// <summary>
/// Runs past calls through proposed policies and tells which would have been refused. Every call
/// in the trail was allowed when it was made (failed-authorization calls are set aside), so its
/// current permissions are stood in for by an allow-everything identity policy; the proposed
/// policies are added where they would go. A call the result does not allow is one the proposed
/// policies would have broken — exact for Deny statements, boundaries and SCPs alike.
/// </summary>
public sealed class PolicyReplayer
{
    private static readonly CompiledPolicy CurrentPermissions = CompiledPolicy.Parse(
        """{"Version":"2012-10-17","Statement":[{"Sid":"WhatTheCallerCouldDo","Effect":"Allow","Action":"*","Resource":"*"}]}""",
        "(the caller's permissions at the time)");

    private readonly IReadOnlyList<ProposedPolicy> _policies;
    private readonly ReplayOptions _options;
    private readonly ReplayRequestBuilder _builder;
    private readonly Func<PrincipalIdentity, bool> _inScope;
    private readonly Dictionary<long, (PolicySet Set, List<ProposedPolicy> Applied)> _sets = [];
    private readonly RecentEventIds _seen = new();
    private static readonly EvaluationResult Allowed = new(Decision.Allowed, ImplicitDenyReason.None, [], []);

    /// <param name="policies">The proposed policies (1 to 63), each with where it goes and whom it reaches.</param>
    /// <param name="options">Which principals and which time window to decide.</param>
    /// <param name="builder">Rebuilds each call's request.</param>
    /// <param name="inScope">Whether a calling IAM user is one the replay is about (null: every user).</param>
    public PolicyReplayer(IReadOnlyList<ProposedPolicy> policies, ReplayOptions options, ReplayRequestBuilder builder, Func<PrincipalIdentity, bool>? inScope = null)
    {
        if (policies.Count is 0 or > 63) throw new ArgumentException("between 1 and 63 proposed policies", nameof(policies));
        if (policies.Count(p => p.Placement == PolicyPlacement.PermissionsBoundary) > 1)
            throw new ArgumentException("a principal has at most one permissions boundary", nameof(policies));
        _policies = policies;
        _options = options;
        _builder = builder;
        _inScope = inScope ?? (_ => true);
    }

    /// <summary>Decides every record; <paramref name="onDenied"/> sees each refused call as it is found (for streaming output).</summary>
    public ReplayReport Run(IEnumerable<CloudTrailRecord> records, Action<ReplayedEvent>? onDenied = null)
    {
        var report = new ReplayReport { Policies = _policies };
        foreach (var record in records)
        {
            report.EventsRead++;
            if (Decide(record, report) is { WouldBeDenied: true } denied)
            {
                Count(report, denied);
                onDenied?.Invoke(denied);
            }
        }
        return report;
    }

    private ReplayedEvent? Decide(CloudTrailRecord record, ReplayReport report)
    {
        if (!_seen.Add(record.EventId)) { report.Skip(ReplaySkipReason.Duplicate); return null; }
        if (record.EventTime < _options.Since || record.EventTime >= _options.Until) { report.Skip(ReplaySkipReason.OutsideWindow); return null; }
        if (record.EventType is { } type)
        {
            if (type.Equals("AwsServiceEvent", StringComparison.OrdinalIgnoreCase)) { report.Skip(ReplaySkipReason.ServiceEvent); return null; }
            if (type.Equals("AwsVpceEvent", StringComparison.OrdinalIgnoreCase) || record.EventCategory == "NetworkActivity") { report.Skip(ReplaySkipReason.NetworkActivity); return null; }
        }
        var action = EventActionMap.For(record);
        switch (action.Kind)
        {
            case EventActionKind.SignIn: report.Skip(ReplaySkipReason.SignIn); return null;
            case EventActionKind.NeedsNoPermission: report.Skip(ReplaySkipReason.NeedsNoPermission); return null;
            case EventActionKind.NotDerivable: report.Skip(ReplaySkipReason.ActionNotDerivable); return null;
        }
        if (ReplayRequestBuilder.WasDenied(record)) { report.Skip(ReplaySkipReason.AlreadyDenied); return null; }

        var principal = ReplayRequestBuilder.Principal(record);
        if (principal is null || !Selected(principal)) { report.Skip(ReplaySkipReason.OtherPrincipal); return null; }
        if (principal.Kind == PrincipalKind.User && !_inScope(principal)) { report.Skip(ReplaySkipReason.OutOfScope); return null; }
        var (set, applied) = PoliciesFor(principal);
        if (applied.Count == 0) { report.Skip(ReplaySkipReason.OutOfScope); return null; }

        var (request, resourceKnown) = _builder.Build(record, principal, action.Action);
        // Most past calls stay allowed: decide fast, and collect the reasons only for refusals.
        var result = PolicyEvaluator.Decide(set, request) == Decision.Allowed ? Allowed : PolicyEvaluator.Evaluate(set, request);
        var replayed = new ReplayedEvent(record, request, result, resourceKnown, applied);

        report.Evaluated++;
        if (!resourceKnown) report.EvaluatedWithoutResource++;
        if (report.FirstEvent is null || record.EventTime < report.FirstEvent) report.FirstEvent = record.EventTime;
        if (report.LastEvent is null || record.EventTime > report.LastEvent) report.LastEvent = record.EventTime;
        if (!report.Principals.TryGetValue(principal.Arn, out var stats)) report.Principals[principal.Arn] = stats = new PrincipalReplay(principal.Arn);
        stats.Evaluated++;
        return replayed;
    }

    private bool Selected(PrincipalIdentity principal) => principal.Kind switch
    {
        PrincipalKind.User => _options.IncludeUsers,
        PrincipalKind.RoleSession or PrincipalKind.FederatedUser => _options.IncludeRoles,
        // SCPs govern the root user of member accounts; identity policies and boundaries never do.
        PrincipalKind.Root => _policies.Any(p => p.Placement == PolicyPlacement.ServiceControl),
        _ => false,
    };

    private static void Count(ReplayReport report, ReplayedEvent denied)
    {
        var record = denied.Record;
        var arn = denied.Request.Principal.Arn;
        var decidedBy = denied.DecidedBy;
        report.WouldBeDenied++;
        var stats = report.Principals[arn];
        stats.WouldBeDenied++;
        stats.DeniedBy[decidedBy] = stats.DeniedBy.GetValueOrDefault(decidedBy) + 1;
        if (stats.FirstDenied is null || record.EventTime < stats.FirstDenied) stats.FirstDenied = record.EventTime;
        if (stats.LastDenied is null || record.EventTime > stats.LastDenied) stats.LastDenied = record.EventTime;
        if (record.SourceIpAddress is { } address && stats.DeniedSourceAddresses.Count < PrincipalReplay.MaxAddresses) stats.DeniedSourceAddresses.Add(address);

        var key = (arn, denied.Request.Action, decidedBy);
        if (!report.DeniedGroups.TryGetValue(key, out var group)) report.DeniedGroups[key] = group = new DeniedCallGroup(denied);
        group.Count++;
        if (record.EventTime < group.First) group.First = record.EventTime;
        if (record.EventTime > group.Last) group.Last = record.EventTime;
    }

    /// <summary>The policy set for the proposals that reach this principal; one set per combination, built once.</summary>
    private (PolicySet Set, List<ProposedPolicy> Applied) PoliciesFor(PrincipalIdentity principal)
    {
        long mask = 0;
        for (int i = 0; i < _policies.Count; i++)
            if (_policies[i].AppliesTo(principal.Arn)) mask |= 1L << i;
        if (_sets.TryGetValue(mask, out var cached)) return cached;
        var applied = _policies.Where((_, i) => (mask & (1L << i)) != 0).ToList();
        var scps = applied.Where(p => p.Placement == PolicyPlacement.ServiceControl).Select(p => p.Policy).ToList();
        var set = new PolicySet
        {
            Identity = [CurrentPermissions, .. applied.Where(p => p.Placement == PolicyPlacement.Identity).Select(p => p.Policy)],
            PermissionsBoundary = applied.FirstOrDefault(p => p.Placement == PolicyPlacement.PermissionsBoundary)?.Policy,
            ServiceControlPolicyLevels = scps.Count == 0 ? [] : [scps],
        };
        _sets[mask] = (set, applied);
        return (set, applied);
    }
}
