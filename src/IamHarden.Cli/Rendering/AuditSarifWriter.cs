using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IamHarden.Analysis.Audit;

namespace IamHarden.Cli.Rendering;

/// <summary>
/// SARIF 2.1.0 for the audit: one rule per check (with help text, CIS/ISMS-P tags and
/// security-severity), one result per finding, located in the snapshot file the subject comes
/// from and named logically by the subject's ARN.
/// </summary>
public static class AuditSarifWriter
{
    public static string Write(AuditReport report, string snapshotDirectory, string language)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "iamharden");
            json.WriteString("informationUri", "https://github.com/iamharden/iamharden");
            json.WriteString("semanticVersion", typeof(AuditSarifWriter).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");
            json.WriteStartArray("rules");
            foreach (var check in report.ChecksRun)
            {
                json.WriteStartObject();
                json.WriteString("id", check.Id);
                json.WriteString("name", string.Concat(check.Id.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..])));
                json.WriteStartObject("shortDescription");
                json.WriteString("text", check.Title.In(language));
                json.WriteEndObject();
                json.WriteStartObject("fullDescription");
                json.WriteString("text", check.Risk.In(language));
                json.WriteEndObject();
                json.WriteStartObject("help");
                json.WriteString("text", check.Remediation.In(language) + (check.FixCommand is null ? "" : "\n" + check.FixCommand));
                json.WriteEndObject();
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(check.Severity));
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteStartArray("tags");
                json.WriteStringValue("security");
                foreach (var r in check.References()) json.WriteStringValue(r);
                json.WriteEndArray();
                json.WriteString("security-severity", SecuritySeverity(check.Severity));
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.Check.Id);
                json.WriteString("level", Level(finding.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", finding.Message.In(language));
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", FileFor(finding));
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", 1);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteStartArray("logicalLocations");
                json.WriteStartObject();
                json.WriteString("fullyQualifiedName", finding.Subject);
                json.WriteString("kind", "resource");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartObject("partialFingerprints");
                json.WriteString("iamharden/v1", finding.Check.Id + ":" + finding.Subject);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string FileFor(Finding finding) => finding.Check.Id switch
    {
        "password_policy_weak" => "password-policy.json",
        "root_mfa_enabled" or "root_access_keys_absent" => "account-summary.json",
        "root_hardware_mfa" => "virtual-mfa-devices.json",
        "console_mfa_enabled" or "credentials_unused" or "access_key_not_rotated" or "multiple_active_keys" or "root_recently_used"
            or "automation_user" or "console_and_api_keys" => "credential-report.csv",
        _ => "authorization-details.json",
    };

    private static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>GitHub code scanning reads this CVSS-like number to rank security alerts.</summary>
    private static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "3.0",
        _ => "1.0",
    };
}
