using System.Globalization;
using CsvHelper;

namespace IamHarden.Analysis.Snapshot;

/// <summary>
/// Reads the decoded credential report CSV (spec aws-iam-api.md §4) by header name. Booleans are
/// compared case-insensitively; the sentinels N/A, no_information and not_supported mean "no
/// date". Unknown columns are tolerated and reported; missing required ones are errors.
/// </summary>
internal static class CredentialReportReader
{
    private static readonly string[] Required = ["user", "arn", "password_enabled", "mfa_active", "access_key_1_active", "access_key_2_active"];

    private static readonly HashSet<string> Known =
    [
        "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed", "password_next_rotation",
        "mfa_active", "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date", "access_key_1_last_used_region",
        "access_key_1_last_used_service", "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
        "access_key_2_last_used_region", "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated",
    ];

    public static List<CredentialReportRow> Read(string path, string fileName, List<SnapshotWarning> warnings)
    {
        var rows = new List<CredentialReportRow>();
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        };
        try
        {
            if (new FileInfo(path).Length == 0)
                throw new SnapshotException($"{fileName}:1: the file is empty; expected the credential report CSV with a header line starting with \"user,arn,\"");
            using var csv = CsvReader.FromFile(path, options);
            var header = csv.Headers.ToArray();
            foreach (var column in Required)
                if (!header.Contains(column))
                    throw new SnapshotException($"{fileName}:1: the header has no \"{column}\" column; this is not a credential report (it starts with: user,arn,user_creation_time,password_enabled,...)");
            var unknown = header.Where(h => !Known.Contains(h)).ToList();
            if (unknown.Count > 0)
                warnings.Add(new SnapshotWarning(fileName, 1, $"unknown column(s) ignored: {string.Join(", ", unknown)}"));

            while (csv.Read())
            {
                int line = (int)csv.LineNumber;
                string? Field(string name) => header.Contains(name) ? csv.GetString(name) : null;
                var keys = new List<AccessKeyInfo>();
                for (int slot = 1; slot <= 2; slot++)
                {
                    keys.Add(new AccessKeyInfo(slot,
                        Bool(Field($"access_key_{slot}_active"), $"access_key_{slot}_active", fileName, line) == true,
                        Date(Field($"access_key_{slot}_last_rotated"), fileName, line),
                        Date(Field($"access_key_{slot}_last_used_date"), fileName, line),
                        Text(Field($"access_key_{slot}_last_used_service")),
                        Text(Field($"access_key_{slot}_last_used_region"))));
                }
                rows.Add(new CredentialReportRow(
                    Field("user") ?? "",
                    Field("arn") ?? "",
                    Date(Field("user_creation_time"), fileName, line),
                    Bool(Field("password_enabled"), "password_enabled", fileName, line),
                    Date(Field("password_last_used"), fileName, line),
                    Date(Field("password_last_changed"), fileName, line),
                    Bool(Field("mfa_active"), "mfa_active", fileName, line) == true,
                    keys,
                    line));
            }
        }
        catch (CsvFormatException ex)
        {
            throw new SnapshotException($"{fileName}:{ex.LineNumber}: malformed CSV (the file is truncated or damaged): {ex.Message.Split('\n')[0]}");
        }
        return rows;
    }

    private static string? Text(string? value) => value is null or "" or "N/A" or "no_information" or "not_supported" ? null : value;

    private static bool? Bool(string? value, string column, string file, int line)
    {
        if (value is null || value is "not_supported" or "N/A") return null;
        if (bool.TryParse(value, out var b)) return b;
        throw new SnapshotException($"{file}:{line}: {column} must be true or false; found \"{value}\"");
    }

    private static DateTimeOffset? Date(string? value, string file, int line)
    {
        if (Text(value) is not { } text) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            return date;
        throw new SnapshotException($"{file}:{line}: \"{text}\" is not a date (expected ISO 8601 such as 2017-06-10T02:35:07+00:00, or N/A)");
    }
}
