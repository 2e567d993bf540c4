namespace IamHarden.Analysis.Replay;

/// <summary>What a replay found: how many calls were decided, which would have been refused, by whom and why.</summary>
public sealed class ReplayReport
{
    /// <summary>How many trail files were read (set by the caller, which reads them).</summary>
    public int FilesRead { get; set; }
    public long EventsRead { get; internal set; }
    public long Evaluated { get; internal set; }
    public long WouldBeDenied { get; internal set; }
    /// <summary>Decided with "*" for a resource the record does not name (exact for policies whose statements use "*").</summary>
    public long EvaluatedWithoutResource { get; internal set; }
    public DateTimeOffset? FirstEvent { get; internal set; }
    public DateTimeOffset? LastEvent { get; internal set; }
    public Dictionary<ReplaySkipReason, long> Skipped { get; } = [];
    /// <summary>Per calling principal (ARN), in first-seen order.</summary>
    public Dictionary<string, PrincipalReplay> Principals { get; } = new(StringComparer.Ordinal);
    /// <summary>The refused calls grouped by principal, action and what refused them.</summary>
    public Dictionary<(string Principal, string Action, string DecidedBy), DeniedCallGroup> DeniedGroups { get; } = [];

    /// <summary>The proposed policies, as replayed.</summary>
    public IReadOnlyList<ProposedPolicy> Policies { get; init; } = [];

    internal void Skip(ReplaySkipReason reason) => Skipped[reason] = Skipped.GetValueOrDefault(reason) + 1;
}

/// <summary>One principal's calls in the replay.</summary>
public sealed class PrincipalReplay(string arn)
{
    public string Arn { get; } = arn;
    public long Evaluated { get; internal set; }
    public long WouldBeDenied { get; internal set; }
    public DateTimeOffset? FirstDenied { get; internal set; }
    public DateTimeOffset? LastDenied { get; internal set; }
    /// <summary>Refused calls by what refused them.</summary>
    public Dictionary<string, long> DeniedBy { get; } = new(StringComparer.Ordinal);
    /// <summary>Source addresses of refused calls (at most <see cref="MaxAddresses"/>).</summary>
    public SortedSet<string> DeniedSourceAddresses { get; } = new(StringComparer.Ordinal);

    public const int MaxAddresses = 10;
}

/// <summary>Refused calls of one principal and action, refused by the same statements.</summary>
public sealed class DeniedCallGroup(ReplayedEvent example)
{
    /// <summary>The first such call: its request reproduces the refusal with `simulate`.</summary>
    public ReplayedEvent Example { get; } = example;
    public long Count { get; internal set; }
    public DateTimeOffset First { get; internal set; } = example.Record.EventTime;
    public DateTimeOffset Last { get; internal set; } = example.Record.EventTime;
}
