using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IamHarden.Analysis.Audit;

namespace IamHarden.Cli.Rendering.Html;

/// <summary>
/// The audit as the page's data: the same facts as `--format json`, normalised so a 10,000-user
/// account stays small (each check's texts once, findings point at their check and user by index)
/// and carrying both languages of every localised text, so the page can switch language without
/// the tool. Also: user tags, the guide's scorecard and the policies to copy. The format is
/// described in docs/REPORT.md; its "format" number changes when a reader would need to.
/// </summary>
public static class ReportDataWriter
{
    public const int FormatVersion = 3;

    private static readonly JsonWriterOptions Options = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(AuditReport report, string language, RemediationPolicies policies)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
            Write(json, report, language, policies);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter json, AuditReport report, string language, RemediationPolicies policies)
    {
        var checkIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var checks = new List<CheckMetadata>();
        foreach (var check in report.ChecksRun.Concat(report.Findings.Select(f => f.Check)))
        {
            if (checkIndex.TryAdd(check.Id, checks.Count)) checks.Add(check);
        }
        var userIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < report.Users.Count; i++) userIndex.TryAdd(report.Users[i].User.Arn, i);
        var ran = report.ChecksRun.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        json.WriteStartObject();
        json.WriteNumber("format", FormatVersion);
        json.WriteString("account", report.AccountId);
        json.WriteString("asOf", report.AsOf.ToString("yyyy-MM-ddTHH:mm:ssZ"));
        if (report.SnapshotTime is { } snapshotTime) json.WriteString("snapshotTime", snapshotTime.ToString("yyyy-MM-ddTHH:mm:ssZ"));
        json.WriteString("language", language);
        json.WriteString("analysis", report.AnalysisMethod);
        json.WriteNumber("score", report.Score);
        json.WriteStartObject("summary");
        foreach (var severity in Enum.GetValues<Severity>()) json.WriteNumber(severity.Name(), report.Count(severity));
        json.WriteEndObject();

        json.WriteStartArray("checks");
        foreach (var check in checks) WriteCheck(json, check, report, ran.Contains(check.Id));
        json.WriteEndArray();

        // Thousands of users share a finding's wording but for their name: a user's message is
        // stored once as a template in "messages" (the name replaced by {user}), which took a
        // 10,000-user report with 18,641 findings from 13.3 MB to under 10.
        var messages = new MessageTemplates();
        // Their counterexamples too: users with the same policies get the same request but for
        // their ARN and name, so each distinct one is stored once in "counterexamples" (format 3).
        var counterexamples = new CounterexampleTemplates();
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings) WriteFinding(json, report, finding, checkIndex, userIndex, messages, counterexamples);
        json.WriteEndArray();
        json.WriteStartArray("counterexamples");
        foreach (var template in counterexamples.Values) json.WriteStringValue(template);
        json.WriteEndArray();
        json.WriteStartArray("messages");
        foreach (var message in messages.Values)
        {
            json.WriteStartObject();
            json.WriteString("en", message.En);
            json.WriteString("ko", message.Ko);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        // Group names and effective-policy labels repeat across thousands of users: each is
        // stored once in "strings" and users refer to it by index.
        var strings = new StringTable();
        json.WriteStartArray("users");
        foreach (var user in report.Users) WriteUser(json, user, report.AsOf, strings);
        json.WriteEndArray();
        json.WriteStartArray("strings");
        foreach (var text in strings.Values) json.WriteStringValue(text);
        json.WriteEndArray();

        json.WriteStartArray("scorecard");
        foreach (var item in GuideScorecard.For(report)) WriteScorecardItem(json, item);
        json.WriteEndArray();
        json.WriteStartArray("unmappedChecks");
        foreach (var id in GuideScorecard.UnmappedCheckIds(report)) json.WriteStringValue(id);
        json.WriteEndArray();

        json.WriteStartObject("policies");
        if (policies.MfaPolicyJson is { } mfa) json.WriteString("mfa", mfa);
        if (policies.IpPolicyJson is { } ip) json.WriteString("ip", ip);
        if (policies.IpPolicyProblem is { } problem) json.WriteString("ipProblem", problem);
        json.WriteEndObject();

        json.WriteStartArray("warnings");
        foreach (var warning in report.Warnings) json.WriteStringValue(warning.ToString());
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCheck(Utf8JsonWriter json, CheckMetadata check, AuditReport report, bool ran)
    {
        json.WriteStartObject();
        json.WriteString("id", check.Id);
        json.WriteString("severity", check.Severity.Name());
        json.WriteBoolean("ran", ran);
        json.WriteString("subject", check.Subject);
        WriteLocalized(json, "title", check.Title);
        WriteLocalized(json, "risk", check.Risk);
        WriteLocalized(json, "remediation", check.Remediation);
        if (check.FixCommand is { } fix) json.WriteString("fix", fix);
        if (RemediationPolicies.KindFor(check.Id) is { } policy) json.WriteString("policy", policy);
        json.WriteStartArray("references");
        foreach (var reference in check.References()) json.WriteStringValue(reference);
        json.WriteEndArray();
        json.WriteNumber("findings", report.Findings.Count(f => f.Check.Id == check.Id));
        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, AuditReport report, Finding finding,
        Dictionary<string, int> checkIndex, Dictionary<string, int> userIndex, MessageTemplates messages, CounterexampleTemplates counterexamples)
    {
        json.WriteStartObject();
        json.WriteNumber("check", checkIndex[finding.Check.Id]);
        // Only when a finding's severity differs from its check's: the page falls back to the check.
        if (finding.SeverityOverride is { } severity) json.WriteString("severity", severity.Name());
        // A user's finding names the user by index (its ARN is in the user's row); others keep the ARN.
        bool isUser = userIndex.TryGetValue(finding.Subject, out var user);
        if (isUser) json.WriteNumber("user", user);
        else json.WriteString("subject", finding.Subject);
        if (isUser && messages.IndexOf(finding.Message, report.Users[user].User.Name) is { } template)
            json.WriteNumber("message", template);
        else WriteLocalized(json, "message", finding.Message);
        if (finding.FixCommand is { } fix) json.WriteString("fix", fix);
        if (finding.Counterexample is { } example)
        {
            if (isUser && counterexamples.IndexOf(report, example, report.Users[user].User) is { } shared)
                json.WriteNumber("counterexample", shared);
            else
            {
                json.WritePropertyName("counterexample");
                AuditJsonWriter.WriteCounterexample(json, report, example);
            }
        }
        json.WriteEndObject();
    }

    /// <summary>
    /// Counterexamples of users' findings as JSON text with the user's ARN replaced by {arn} and
    /// name by {user}, each stored once. Templated only when filling in gives the text back exactly
    /// and the template is no longer than the text; otherwise the finding keeps its object.
    /// </summary>
    private sealed class CounterexampleTemplates
    {
        private const string ArnPlaceholder = "{arn}", NamePlaceholder = "{user}";
        private readonly StringTable templates = new();
        public List<string> Values => templates.Values;

        public int? IndexOf(AuditReport report, Counterexample example, Analysis.Snapshot.IamUser user)
        {
            var text = Json(report, example);
            // The page fills {arn} and then {user} (model.js), the order they are replaced in here.
            if (Template(text, (user.Arn, ArnPlaceholder), (user.Name, NamePlaceholder)) is not { } template || template.Length > text.Length) return null;
            return templates.IndexOf(template);
        }

        private static string Json(AuditReport report, Counterexample example)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer, Options)) AuditJsonWriter.WriteCounterexample(json, report, example);
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }

    /// <summary>A row of the user matrix: the fields of `--format json`'s users, groups and policies as string indices, plus tags.</summary>
    private static void WriteUser(Utf8JsonWriter json, UserStatus status, DateTimeOffset asOf, StringTable strings)
    {
        json.WriteStartObject();
        AuditJsonWriter.WriteUserFacts(json, status, asOf);
        json.WriteStartArray("groups");
        foreach (var group in status.Groups) json.WriteNumberValue(strings.IndexOf(group));
        json.WriteEndArray();
        json.WriteStartArray("policies");
        foreach (var policy in status.EffectivePolicies) json.WriteNumberValue(strings.IndexOf(policy));
        json.WriteEndArray();
        json.WriteStartObject("tags");
        foreach (var (key, value) in status.User.Tags.OrderBy(t => t.Key, StringComparer.Ordinal)) json.WriteString(key, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private sealed class StringTable
    {
        private readonly Dictionary<string, int> indices = new(StringComparer.Ordinal);
        public List<string> Values { get; } = [];

        public int IndexOf(string text)
        {
            if (!indices.TryGetValue(text, out var index))
            {
                index = Values.Count;
                indices.Add(text, index);
                Values.Add(text);
            }
            return index;
        }
    }

    /// <summary>
    /// Finding messages with the user's name replaced by {user}, each stored once. A message is
    /// templated only when filling the template in gives it back exactly (so a message that
    /// already holds "{user}" stays as it is).
    /// </summary>
    private sealed class MessageTemplates
    {
        public const string Placeholder = "{user}";
        private readonly Dictionary<(string, string), int> indices = new();
        public List<LocalizedText> Values { get; } = [];

        public int? IndexOf(LocalizedText message, string userName)
        {
            if (Template(message.En, (userName, Placeholder)) is not { } en || Template(message.Ko, (userName, Placeholder)) is not { } ko) return null;
            if (!indices.TryGetValue((en, ko), out var index))
            {
                index = Values.Count;
                indices.Add((en, ko), index);
                Values.Add(new LocalizedText(en, ko));
            }
            return index;
        }
    }

    /// <summary>
    /// <paramref name="text"/> with each value replaced by its placeholder, in order; null when a
    /// value is empty, the text already holds a placeholder, or filling the placeholders back in
    /// (in the same order, as the page does) would not give the text exactly.
    /// </summary>
    private static string? Template(string text, params (string Value, string Placeholder)[] replacements)
    {
        foreach (var (value, placeholder) in replacements)
            if (value.Length == 0 || text.Contains(placeholder, StringComparison.Ordinal)) return null;
        var template = text;
        foreach (var (value, placeholder) in replacements) template = template.Replace(value, placeholder, StringComparison.Ordinal);
        var filled = template;
        foreach (var (value, placeholder) in replacements) filled = filled.Replace(placeholder, value, StringComparison.Ordinal);
        return filled == text ? template : null;
    }

    private const int OtherSubjectsWritten = 10;

    private static void WriteScorecardItem(Utf8JsonWriter json, ScorecardItem item)
    {
        json.WriteStartObject();
        json.WriteString("id", item.Id);
        WriteLocalized(json, "title", item.Title);
        json.WriteString("status", item.Status.Name());
        json.WriteNumber("usersAffected", item.UsersAffected);
        json.WriteNumber("otherSubjectsAffected", item.OtherSubjectsAffected);
        // The page names three; a few more for the curious, not thousands of policy ARNs in a large account.
        json.WriteStartArray("otherSubjects");
        foreach (var arn in item.OtherSubjects.Take(OtherSubjectsWritten)) json.WriteStringValue(arn);
        json.WriteEndArray();
        json.WriteNumber("population", item.Population);
        WriteLocalized(json, "populationLabel", item.PopulationLabel);
        json.WriteStartArray("checks");
        foreach (var id in item.CheckIds) json.WriteStringValue(id);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteLocalized(Utf8JsonWriter json, string name, LocalizedText text)
    {
        json.WriteStartObject(name);
        json.WriteString("en", text.En);
        json.WriteString("ko", text.Ko);
        json.WriteEndObject();
    }
}
