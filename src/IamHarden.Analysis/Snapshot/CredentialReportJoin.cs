namespace IamHarden.Analysis.Snapshot;

/// <summary>
/// Joins the credential report's rows to the users of the authorization details by ARN, and
/// warns when the two files do not describe the same moment: users the report does not know
/// (created after it), users re-created since it (different creation time), rows of users that
/// are gone, and a report file written hours before the details file. IAM regenerates the
/// report at most every four hours, so a snapshot whose report is older than its details is
/// common; its credential facts are then skipped for the users it does not describe, never guessed.
/// </summary>
internal static class CredentialReportJoin
{
    /// <summary>IAM's own regeneration interval: a report can be this old at the moment it is fetched.</summary>
    private static readonly TimeSpan RegenerationWindow = TimeSpan.FromHours(4);

    private const int NamesListed = 10;

    public static List<IamUser> Join(IReadOnlyList<IamUser> users, IReadOnlyList<CredentialReportRow> report, string reportPath, string detailsPath, List<SnapshotWarning> warnings)
    {
        var rows = new Dictionary<string, CredentialReportRow>(StringComparer.Ordinal);
        foreach (var row in report.Where(r => !r.IsRoot))
        {
            if (rows.TryGetValue(row.Arn, out var first))
                throw new SnapshotException($"{SnapshotFiles.CredentialReport}:{row.LineNumber}: user {row.User} ({row.Arn}) appears twice (also on line {first.LineNumber}); the report is damaged: regenerate it");
            rows[row.Arn] = row;
        }

        var joined = new List<IamUser>(users.Count);
        var missing = new List<string>();
        foreach (var user in users)
        {
            if (!rows.Remove(user.Arn, out var row)) { joined.Add(user); missing.Add(user.Name); continue; }
            if (Recreated(user, row))
            {
                warnings.Add(new SnapshotWarning(SnapshotFiles.CredentialReport, row.LineNumber,
                    $"user {user.Name} was created {user.CreateDate:yyyy-MM-dd HH:mm} according to the authorization details but {row.UserCreationTime:yyyy-MM-dd HH:mm} according to the credential report: it was deleted and re-created after the report was generated, so the row describes the old user; its credential checks are skipped (regenerate the report)"));
                joined.Add(user);
                continue;
            }
            joined.Add(user with { Credentials = row });
        }
        if (missing.Count > 0)
            warnings.Add(new SnapshotWarning(SnapshotFiles.CredentialReport, 0,
                $"{Count(missing.Count, "user")} of the authorization details {(missing.Count == 1 ? "is" : "are")} not in the credential report, which is therefore older than the authorization details ({Names(missing)}); their credential checks are skipped — regenerate the report: {SnapshotFiles.HowToProduce(SnapshotFiles.CredentialReport)}"));
        if (rows.Count > 0)
            warnings.Add(new SnapshotWarning(SnapshotFiles.CredentialReport, rows.Values.Min(r => r.LineNumber),
                $"{Count(rows.Count, "user")} of the credential report {(rows.Count == 1 ? "is" : "are")} not in the authorization details (deleted since, or the details were filtered): {Names(rows.Values.Select(r => r.User).ToList())}"));

        var reportWritten = File.GetLastWriteTimeUtc(reportPath);
        var detailsWritten = File.GetLastWriteTimeUtc(detailsPath);
        if (detailsWritten - reportWritten > RegenerationWindow)
            warnings.Add(new SnapshotWarning(SnapshotFiles.CredentialReport, 0,
                $"the file was written {(detailsWritten - reportWritten).TotalHours:0} hours before {SnapshotFiles.AuthorizationDetails} (file times): it may come from an earlier collection and be older than the authorization details; collect both together"));
        return joined;
    }

    /// <summary>The same ARN with another creation time is another user (IAM ids are not reused, names are).</summary>
    private static bool Recreated(IamUser user, CredentialReportRow row) =>
        user.CreateDate is { } created && row.UserCreationTime is { } reported && (created - reported).Duration() > TimeSpan.FromMinutes(1);

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Names(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(NamesListed)) + (names.Count > NamesListed ? $" and {names.Count - NamesListed} more" : "");
}
