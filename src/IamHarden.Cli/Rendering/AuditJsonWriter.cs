using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IamHarden.Analysis.Audit;
using IamHarden.Core.Simulation;

namespace IamHarden.Cli.Rendering;

/// <summary>
/// The JSON form of an audit (PRODUCT.md contract): <c>{"findings":[{"check","severity","subject",
/// "message","remediation","references"}]}</c>, plus what tools and the HTML report use besides:
/// account, dates, score, counts, the per-user matrix, counterexamples and snapshot warnings.
/// </summary>
public static class AuditJsonWriter
{
    public static string Write(AuditReport report, string language)
    {
        using var stream = new MemoryStream();
        Write(stream, report, language);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The report as indented JSON and a final newline, streamed (a large account's report is tens of MB).</summary>
    public static void Write(Stream stream, AuditReport report, string language)
    {
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(json, report, language);
        stream.WriteByte((byte)'\n');
    }

    public static void Write(Utf8JsonWriter json, AuditReport report, string language)
    {
        json.WriteStartObject();
        json.WriteString("account", report.AccountId);
        json.WriteString("asOf", report.AsOf.ToString("yyyy-MM-ddTHH:mm:ssZ"));
        if (report.SnapshotTime is { } snapshotTime) json.WriteString("snapshotTime", snapshotTime.ToString("yyyy-MM-ddTHH:mm:ssZ"));
        json.WriteString("language", language);
        json.WriteString("analysis", report.AnalysisMethod);
        json.WriteNumber("score", report.Score);
        json.WriteStartObject("summary");
        foreach (var severity in Enum.GetValues<Severity>()) json.WriteNumber(severity.Name(), report.Count(severity));
        json.WriteEndObject();

        json.WriteStartArray("findings");
        foreach (var finding in report.Findings) WriteFinding(json, report, finding, language);
        json.WriteEndArray();

        json.WriteStartArray("checks");
        foreach (var check in report.ChecksRun)
        {
            json.WriteStartObject();
            json.WriteString("id", check.Id);
            json.WriteString("title", check.Title.In(language));
            json.WriteString("severity", check.Severity.Name());
            json.WriteNumber("findings", report.Findings.Count(f => f.Check.Id == check.Id));
            json.WriteString("risk", check.Risk.In(language));
            json.WriteString("remediation", check.Remediation.In(language));
            if (check.FixCommand is not null) json.WriteString("fix", check.FixCommand);
            json.WriteStartArray("references");
            foreach (var r in check.References()) json.WriteStringValue(r);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("users");
        foreach (var user in report.Users) WriteUser(json, user, report.AsOf);
        json.WriteEndArray();

        json.WriteStartArray("warnings");
        foreach (var warning in report.Warnings) json.WriteStringValue(warning.ToString());
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, AuditReport report, Finding finding, string language)
    {
        json.WriteStartObject();
        json.WriteString("check", finding.Check.Id);
        json.WriteString("severity", finding.Severity.Name());
        json.WriteString("subject", finding.Subject);
        json.WriteString("message", finding.Message.In(language));
        json.WriteString("remediation", finding.Check.Remediation.In(language));
        json.WriteStartArray("references");
        foreach (var r in finding.Check.References()) json.WriteStringValue(r);
        json.WriteEndArray();
        json.WriteString("title", finding.Check.Title.In(language));
        if ((finding.FixCommand ?? finding.Check.FixCommand) is { } fix) json.WriteString("fix", fix);
        if (finding.Counterexample is { } example)
        {
            json.WritePropertyName("counterexample");
            WriteCounterexample(json, report, example);
        }
        json.WriteEndObject();
    }

    /// <summary>A counterexample as an object: the request, the keys left absent, and the `simulate` command that replays it.</summary>
    public static void WriteCounterexample(Utf8JsonWriter json, AuditReport report, Counterexample example)
    {
        json.WriteStartObject();
        var request = example.Request;
        json.WriteString("principal", request.Principal.Arn);
        json.WriteString("action", request.Action);
        json.WriteString("resource", request.Resource);
        SimulationJson.WriteContext(json, request.Context);
        json.WriteStartArray("absentKeys");
        foreach (var key in example.AbsentKeys) json.WriteStringValue(key);
        json.WriteEndArray();
        json.WriteString("explanation", example.Explanation);
        json.WriteBoolean("proven", example.Proven);
        json.WriteString("simulate", SimulateCommandLine.For(report, example));
        json.WriteEndObject();
    }

    /// <summary>A user's row of the matrix as JSON members (shared with the HTML report's data block).</summary>
    internal static void WriteUserFacts(Utf8JsonWriter json, UserStatus status, DateTimeOffset asOf)
    {
        json.WriteString("name", status.User.Name);
        json.WriteString("arn", status.User.Arn);
        json.WriteBoolean("console", status.Console);
        json.WriteBoolean("mfaDevice", status.MfaDevice);
        json.WriteString("mfaEnforced", Name(status.MfaEnforced));
        json.WriteString("ipRestricted", Name(status.IpRestricted));
        json.WriteBoolean("admin", status.IsAdmin);
        json.WriteBoolean("breakGlass", status.IsBreakGlass);
        json.WriteStartArray("accessKeys");
        foreach (var key in status.ActiveKeys)
        {
            json.WriteStartObject();
            json.WriteNumber("slot", key.Slot);
            if (key.LastRotated is { } rotated) json.WriteNumber("ageDays", (int)(asOf - rotated).TotalDays);
            if (key.LastUsed is { } used) json.WriteString("lastUsed", used.ToString("yyyy-MM-dd"));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (status.LastUsed is { } last) json.WriteString("lastUsed", last.ToString("yyyy-MM-dd"));
    }

    private static void WriteUser(Utf8JsonWriter json, UserStatus status, DateTimeOffset asOf)
    {
        json.WriteStartObject();
        WriteUserFacts(json, status, asOf);
        json.WriteStartArray("groups");
        foreach (var g in status.Groups) json.WriteStringValue(g);
        json.WriteEndArray();
        json.WriteStartArray("policies");
        foreach (var p in status.EffectivePolicies) json.WriteStringValue(p);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string Name(GuardStatus status) => status switch
    {
        GuardStatus.Yes => "yes",
        GuardStatus.No => "no",
        GuardStatus.NotApplicable => "n/a",
        _ => "unknown",
    };
}
