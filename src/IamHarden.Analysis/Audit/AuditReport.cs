using IamHarden.Analysis.Snapshot;

namespace IamHarden.Analysis.Audit;

/// <summary>
/// The result of an audit: the findings (sorted by severity, check, subject), the per-user
/// matrix, and what the audit was run on. Renderers (table, JSON, CSV, SARIF, HTML) read this.
/// </summary>
public sealed record AuditReport(
    string AccountId,
    DateTimeOffset AsOf,
    DateTimeOffset? SnapshotTime,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<UserStatus> Users,
    IReadOnlyList<CheckMetadata> ChecksRun,
    IReadOnlyList<SnapshotWarning> Warnings,
    string AnalysisMethod)
{
    /// <summary>How `iamharden simulate` finds this snapshot again: "--sample" or "--snapshot DIR".</summary>
    public string SnapshotArguments { get; init; } = "--snapshot <DIR>";

    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>
    /// 0–100: the share of checks that passed, weighted by severity (critical 10, high 5, medium 3,
    /// low 1; info 0). A check fails once however many subjects it flags — the score says how many
    /// kinds of problems remain, the findings say how many places.
    /// </summary>
    public int Score
    {
        get
        {
            static int Weight(Severity s) => s switch { Severity.Critical => 10, Severity.High => 5, Severity.Medium => 3, Severity.Low => 1, _ => 0 };
            int total = ChecksRun.Sum(c => Weight(c.Severity));
            if (total == 0) return 100;
            var failed = Findings.Where(f => f.Severity != Severity.Info).Select(f => f.Check).DistinctBy(c => c.Id).Sum(c => Weight(c.Severity));
            return (int)Math.Round(100.0 * (total - failed) / total);
        }
    }
}
