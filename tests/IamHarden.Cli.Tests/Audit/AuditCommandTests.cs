using System.Text.Json;
using System.Text.RegularExpressions;
using IamHarden.Analysis.Audit;

namespace IamHarden.Cli.Tests.Audit;

/// <summary>`iamharden audit` as a user runs it (a separate process): formats, options, exit codes.</summary>
public class AuditCommandTests
{
    private static readonly Lazy<CliOutput> SampleJson = new(() => CliProcess.Run("audit", "--sample", "--format", "json"));

    private static JsonElement Json(CliOutput run) => JsonDocument.Parse(run.Stdout).RootElement;

    [Fact]
    public void The_sample_audit_prints_the_user_matrix_then_findings_by_severity()
    {
        var run = CliProcess.Run("audit", "--sample");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        var text = run.Stdout;
        foreach (var column in new[] { "User", "Console", "MFA", "MFA enforced", "IP restricted", "Access keys" })
            Assert.Contains(column, text);
        int matrix = text.IndexOf("MFA enforced", StringComparison.Ordinal);
        int critical = text.IndexOf("critical (", StringComparison.Ordinal), high = text.IndexOf("high (", StringComparison.Ordinal);
        int medium = text.IndexOf("medium (", StringComparison.Ordinal), low = text.IndexOf("low (", StringComparison.Ordinal);
        Assert.True(matrix < critical && critical < high && high < medium && medium < low, "matrix first, then critical, high, medium, low");
        Assert.Contains("│ heidi ", text);
        Assert.Contains("reproduce: iamharden simulate --sample --user heidi", text);
        Assert.DoesNotContain("\u001b[", text); // redirected output has no colour codes
    }

    [SkippableFact]
    public void With_libz3_the_default_analyzer_proves_what_the_search_leaves_open_and_agrees_with_it()
    {
        Skip.IfNot(IamHarden.Analysis.Prover.Z3.Z3Library.IsAvailable, "libz3.so.4 is not installed");
        var auto = Json(SampleJson.Value);
        Assert.StartsWith("search, then Z3 proofs", auto.GetProperty("analysis").GetString());
        var searchRun = CliProcess.Run("audit", "--sample", "--format", "json", "--analyzer", "search");
        Assert.Equal(0, searchRun.ExitCode);
        var search = Json(searchRun);
        Assert.StartsWith("search: ", search.GetProperty("analysis").GetString());

        // Same verdicts: the proofs only settle what the search could not show with a request.
        static List<string> Keys(JsonElement r) => r.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("check").GetString()} {f.GetProperty("subject").GetString()} {f.GetProperty("severity").GetString()}").Order().ToList();
        Assert.Equal(Keys(search), Keys(auto));
        static int Proven(JsonElement r) => r.GetProperty("findings").EnumerateArray()
            .Count(f => f.TryGetProperty("counterexample", out var c) && c.ValueKind == JsonValueKind.Object && c.GetProperty("proven").GetBoolean());
        Assert.True(Proven(auto) > Proven(search), "the prover settled answers the search left open");
    }

    [Fact]
    public void Json_follows_the_contract()
    {
        var run = SampleJson.Value;
        Assert.Equal(0, run.ExitCode);
        var root = Json(run);
        var ids = AuditChecks.All.Select(c => c.Metadata.Id).ToHashSet();
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        var arn = new Regex(@"^arn:aws:iam::111122223333:(root|user/.+|group/.+|policy/.+)$");
        var order = Enum.GetValues<Severity>().Select(s => s.Name()).ToList();
        int previous = 0;
        foreach (var f in findings)
        {
            Assert.Contains(f.GetProperty("check").GetString()!, ids);
            var severity = f.GetProperty("severity").GetString()!;
            Assert.Contains(severity, order);
            Assert.True(order.IndexOf(severity) >= previous, "findings are sorted by severity");
            previous = order.IndexOf(severity);
            Assert.Matches(arn, f.GetProperty("subject").GetString());
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("message").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("remediation").GetString()));
            var references = f.GetProperty("references").EnumerateArray().Select(r => r.GetString()!).ToList();
            Assert.NotEmpty(references);
            Assert.All(references, r => Assert.Matches(@"^(guide §\d|CIS (3\.0|7\.0) \d+\.\d+|ISMS-P \d+\.\d+\.\d+)$", r));
        }
        // Account-level findings name the root; a user finding its user; a policy finding its policy.
        Assert.Equal("arn:aws:iam::111122223333:root", findings.First(f => f.GetProperty("check").GetString() == "password_policy_weak").GetProperty("subject").GetString());
        Assert.Equal("arn:aws:iam::111122223333:user/support/ivan", findings.First(f => f.GetProperty("check").GetString() == "console_mfa_enabled"
            && f.GetProperty("subject").GetString()!.EndsWith("ivan")).GetProperty("subject").GetString());
        Assert.Equal("arn:aws:iam::111122223333:policy/LegacyFullAccess", findings.First(f => f.GetProperty("check").GetString() == "full_admin_policy").GetProperty("subject").GetString());
        var heidi = findings.First(f => f.GetProperty("check").GetString() == "console_mfa_enforced" && f.GetProperty("subject").GetString()!.EndsWith("/heidi"));
        Assert.Contains(heidi.GetProperty("references").EnumerateArray().Select(r => r.GetString()), r => r == "CIS 3.0 1.10");
        Assert.Contains(heidi.GetProperty("references").EnumerateArray().Select(r => r.GetString()), r => r == "CIS 7.0 2.10");
        Assert.Equal("2026-11-30T12:00:00Z", root.GetProperty("asOf").GetString());
    }

    [Fact]
    public void The_audit_is_reproducible()
    {
        var again = CliProcess.Run("audit", "--sample", "--format", "json");
        Assert.Equal(SampleJson.Value.Stdout, again.Stdout);
    }

    [Fact]
    public void As_of_moves_every_age()
    {
        using var copy = new SnapshotCopy();
        int Rotations(string asOf)
        {
            var run = CliProcess.Run("audit", "--snapshot", copy.SnapshotDirectory, "--config", copy.ConfigPath, "--as-of", asOf, "--format", "json", "--checks", "access_key_not_rotated");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(asOf, Json(run).GetProperty("asOf").GetString());
            return Json(run).GetProperty("findings").GetArrayLength();
        }
        // bob's key (2026-10-30) and heidi's (2026-09-15) are young on 2026-11-30 and old half a year later.
        Assert.True(Rotations("2027-06-01T00:00:00Z") > Rotations("2026-11-30T12:00:00Z"));
    }

    [Fact]
    public void Korean_messages_with_lang_ko()
    {
        var table = CliProcess.Run("audit", "--sample", "--lang", "ko");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("사용자", table.Stdout);
        Assert.Contains("MFA 강제", table.Stdout);
        Assert.Contains("조치", table.Stdout);
        var json = Json(CliProcess.Run("audit", "--sample", "--format", "json", "--lang", "ko"));
        var first = json.GetProperty("findings")[0];
        Assert.Matches(@"\p{IsHangulSyllables}", first.GetProperty("message").GetString());
        Assert.Matches(@"\p{IsHangulSyllables}", first.GetProperty("remediation").GetString());
    }

    [Fact]
    public void Checks_and_skip_checks_select_what_runs()
    {
        var only = Json(CliProcess.Run("audit", "--sample", "--format", "json", "--checks", "console_mfa_enabled,multiple_active_keys"));
        Assert.Equal(["console_mfa_enabled", "multiple_active_keys"], only.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("check").GetString()).Distinct().Order());
        var skipped = Json(CliProcess.Run("audit", "--sample", "--format", "json", "--skip-checks", "console_mfa_enabled"));
        Assert.DoesNotContain(skipped.GetProperty("findings").EnumerateArray(), f => f.GetProperty("check").GetString() == "console_mfa_enabled");
        Assert.NotEmpty(skipped.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public void Fail_on_sets_the_exit_code_for_ci()
    {
        Assert.Equal(1, CliProcess.Run("audit", "--sample", "--format", "json", "--fail-on", "high").ExitCode);
        // The sample's only critical finding is the root access key.
        Assert.Equal(1, CliProcess.Run("audit", "--sample", "--format", "json", "--fail-on", "critical").ExitCode);
        Assert.Equal(0, CliProcess.Run("audit", "--sample", "--format", "json", "--fail-on", "critical", "--skip-checks", "root_access_keys_absent").ExitCode);
        Assert.Equal(0, CliProcess.Run("audit", "--sample", "--format", "json").ExitCode);
    }

    [Fact]
    public void Csv_has_one_row_per_finding()
    {
        var run = CliProcess.Run("audit", "--sample", "--format", "csv");
        Assert.Equal(0, run.ExitCode);
        var rows = ReadCsv(run.Stdout);
        Assert.Equal(["check", "severity", "subject", "title", "message", "remediation", "references", "counterexample"], rows[0]);
        Assert.Equal(SampleJsonFindings(), rows.Count - 1);
        Assert.All(rows, r => Assert.Equal(8, r.Count));
    }

    [Fact]
    public void Sarif_has_a_rule_per_check_and_a_result_per_finding()
    {
        var run = CliProcess.Run("audit", "--sample", "--format", "sarif");
        Assert.Equal(0, run.ExitCode);
        SarifSchema.AssertValid(run.Stdout);
        var sarifRun = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("runs")[0];
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(AuditChecks.All.Select(c => c.Metadata.Id), rules);
        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(SampleJsonFindings(), results.Count);
        Assert.All(results, r => Assert.Contains(r.GetProperty("ruleId").GetString(), rules));
    }

    [Fact]
    public void Service_control_policies_take_part_in_every_decision()
    {
        static string Scp(string name) => Path.Combine(CliProcess.Fixtures, "audit", "scp", name);
        static List<string> IpFindings(CliOutput run) => Json(run).GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("severity").GetString() != "info").Select(f => f.GetProperty("subject").GetString()!).ToList();
        var without = CliProcess.Run("audit", "--sample", "--format", "json", "--checks", "ip_restriction_enforced");
        Assert.NotEmpty(IpFindings(without));
        // An organisation-wide source-IP guardrail restricts every admin, whatever their groups say.
        var with = CliProcess.Run("audit", "--sample", "--format", "json", "--checks", "ip_restriction_enforced",
            "--scp", Scp("full-aws-access.json"), "--scp", Scp("deny-outside-office.json"));
        Assert.Equal(0, with.ExitCode);
        Assert.Equal("", with.Stderr);
        Assert.Empty(IpFindings(with));
        // A deny list alone allows nothing at the SCP level: the audit says so instead of calling everyone protected.
        var denyOnly = CliProcess.Run("audit", "--sample", "--format", "json", "--checks", "ip_restriction_enforced", "--scp", Scp("deny-outside-office.json"));
        Assert.Contains("warning: no --scp policy allows anything", denyOnly.Stderr);
    }

    [Fact]
    public void Output_goes_to_a_file_that_is_never_replaced_without_force()
    {
        using var copy = new SnapshotCopy();
        var target = Path.Combine(copy.Root, "audit.json");
        Assert.Equal(0, copy.Audit("--format", "json", "--output", target).ExitCode);
        var first = File.ReadAllText(target);
        Assert.StartsWith("{", first);
        var refused = copy.Audit("--format", "json", "--output", target);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("already exists; pass --force", refused.Stderr);
        Assert.Equal(first, File.ReadAllText(target));
        Assert.Equal(0, copy.Audit("--format", "csv", "--output", target, "--force").ExitCode);
        Assert.StartsWith("check,severity", File.ReadAllText(target));
    }

    private static int SampleJsonFindings() => Json(SampleJson.Value).GetProperty("findings").GetArrayLength();

    /// <summary>A small RFC 4180 reader (quotes, doubled quotes, newlines inside quotes) to read the output back independently of the writer.</summary>
    internal static List<List<string>> ReadCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; }
            else if (c != '\r') field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
