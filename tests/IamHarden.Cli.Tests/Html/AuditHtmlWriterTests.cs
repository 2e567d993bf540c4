using System.Text.Json;
using System.Text.RegularExpressions;
using IamHarden.Cli.Rendering.Html;

namespace IamHarden.Cli.Tests.Html;

/// <summary>The written file itself, without a browser: one file, a CSP that admits exactly our inline code, data that cannot break out.</summary>
public sealed partial class AuditHtmlWriterTests
{
    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")]
    private static partial Regex CspMeta();

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex InlineStyle();

    [GeneratedRegex("<script type=\"application/json\" id=\"audit-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataBlock();

    private static string Sample() => AuditHtmlWriter.Write(SampleAudit.Report, "en", RemediationPolicies.From(SampleAudit.Config));

    [Fact]
    public void The_content_security_policy_forbids_the_network_and_admits_exactly_the_inline_script_and_style()
    {
        var html = Sample();
        var csp = System.Net.WebUtility.HtmlDecode(CspMeta().Match(html).Groups[1].Value);
        Assert.StartsWith("default-src 'none';", csp);
        Assert.Contains("base-uri 'none'", csp);
        Assert.Contains("form-action 'none'", csp);
        Assert.DoesNotContain("unsafe", csp);

        var script = Assert.Single(InlineScript().Matches(html)).Groups[1].Value;
        var style = Assert.Single(InlineStyle().Matches(html)).Groups[1].Value;
        Assert.Contains($"script-src '{ContentSecurityPolicy.Hash(script)}'", csp);
        Assert.Contains($"style-src '{ContentSecurityPolicy.Hash(style)}'", csp);
    }

    [Fact]
    public void Nothing_is_referenced_outside_the_file()
    {
        var html = Sample();
        Assert.DoesNotMatch(@"\ssrc\s*=", html);
        Assert.DoesNotMatch(@"<link\b", html);
        Assert.DoesNotMatch(@"@import|url\(", html);
        // The one href is the skip link to a section of the page.
        Assert.Equal(["#findings"], Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void Account_strings_cannot_leave_the_data_block()
    {
        var html = File.ReadAllText(AuditReports.HostileHtml);
        var data = DataBlock().Match(html).Groups[1].Value;
        Assert.DoesNotContain('<', data);
        // Exactly our one script runs: a "{{script}}" in a tag value was not expanded, "</script>" did not close the block.
        Assert.Single(InlineScript().Matches(html));
        Assert.Single(Regex.Matches(html, Regex.Escape("(function () {\n'use strict';")));

        using var parsed = JsonDocument.Parse(data);
        var names = parsed.RootElement.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("name").GetString()).ToList();
        Assert.Contains("<img src=x onerror=\"window.__pwned='name';alert('name')\">", names);
        var tags = parsed.RootElement.GetProperty("users")[0].GetProperty("tags");
        Assert.Equal("</script><script>window.__pwned='tag-value'</script>{{script}}", tags.GetProperty("<script>window.__pwned='tag-key'</script>").GetString());
    }

    [Fact]
    public void The_same_audit_gives_the_same_bytes()
    {
        Assert.Equal(Sample(), Sample());
    }

    [Fact]
    public void The_data_carries_both_languages_and_the_policies_to_copy()
    {
        var html = Sample();
        using var data = JsonDocument.Parse(DataBlock().Match(html).Groups[1].Value);
        var root = data.RootElement;
        Assert.Equal(ReportDataWriter.FormatVersion, root.GetProperty("format").GetInt32());
        var check = root.GetProperty("checks").EnumerateArray().First(c => c.GetProperty("id").GetString() == "console_mfa_enabled");
        var metadata = SampleAudit.Report.ChecksRun.Single(c => c.Id == "console_mfa_enabled");
        Assert.Equal(metadata.Title.En, check.GetProperty("title").GetProperty("en").GetString());
        Assert.Equal(metadata.Title.Ko, check.GetProperty("title").GetProperty("ko").GetString());
        Assert.Equal("mfa", check.GetProperty("policy").GetString());

        var first = SampleAudit.Report.Findings[0];
        Assert.Equal(first.Message.Ko, Message(root, 0).Ko);
        Assert.Contains("DenyAllExceptEnrollmentIfNoMFA", root.GetProperty("policies").GetProperty("mfa").GetString());
        Assert.Contains("203.0.113.0/24", root.GetProperty("policies").GetProperty("ip").GetString());
        Assert.False(root.GetProperty("policies").TryGetProperty("ipProblem", out _));
    }

    /// <summary>A finding's message as the page reads it: literal, or a template with the user's name filled in.</summary>
    private static Analysis.Audit.LocalizedText Message(JsonElement root, int index)
    {
        var finding = root.GetProperty("findings")[index];
        var message = finding.GetProperty("message");
        if (message.ValueKind == JsonValueKind.Object) return new(message.GetProperty("en").GetString()!, message.GetProperty("ko").GetString()!);
        var template = root.GetProperty("messages")[message.GetInt32()];
        var name = root.GetProperty("users")[finding.GetProperty("user").GetInt32()].GetProperty("name").GetString()!;
        return new(template.GetProperty("en").GetString()!.Replace("{user}", name), template.GetProperty("ko").GetString()!.Replace("{user}", name));
    }

    [Fact]
    public void Every_message_reads_back_exactly_and_users_in_the_same_situation_share_one_template()
    {
        using var data = JsonDocument.Parse(DataBlock().Match(Sample()).Groups[1].Value);
        var root = data.RootElement;
        var findings = SampleAudit.Report.Findings;
        for (int i = 0; i < findings.Count; i++)
        {
            Assert.Equal(findings[i].Message.En, Message(root, i).En);
            Assert.Equal(findings[i].Message.Ko, Message(root, i).Ko);
        }
        // The sample has several users without an MFA device: one template serves them all.
        var noDevice = root.GetProperty("findings").EnumerateArray()
            .Where(f => root.GetProperty("checks")[f.GetProperty("check").GetInt32()].GetProperty("id").GetString() == "console_mfa_enabled").ToList();
        Assert.True(noDevice.Count > 1);
        Assert.Single(noDevice.Select(f => f.GetProperty("message").GetInt32()).Distinct());
        Assert.True(root.GetProperty("messages").GetArrayLength() < findings.Count);
    }

    [Fact]
    public void Every_counterexample_reads_back_as_in_the_json_output_and_users_with_the_same_policies_share_one()
    {
        using var data = JsonDocument.Parse(DataBlock().Match(Sample()).Groups[1].Value);
        var root = data.RootElement;
        var report = SampleAudit.Report;
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(report.Findings.Count, findings.Count);
        int templated = 0;
        for (int i = 0; i < findings.Count; i++)
        {
            var example = report.Findings[i].Counterexample;
            Assert.Equal(example is not null, findings[i].TryGetProperty("counterexample", out var got));
            if (example is null) continue;
            string text;
            if (got.ValueKind == JsonValueKind.Number)
            {
                // As the page does it (model.js): {arn}, then {user}, then parse.
                var user = root.GetProperty("users")[findings[i].GetProperty("user").GetInt32()];
                text = root.GetProperty("counterexamples")[got.GetInt32()].GetString()!
                    .Replace("{arn}", user.GetProperty("arn").GetString()).Replace("{user}", user.GetProperty("name").GetString());
                templated++;
            }
            else text = got.GetRawText();
            Assert.Equal(CounterexampleJson(report, example), text);
        }
        Assert.True(templated > 0);
        Assert.True(root.GetProperty("counterexamples").GetArrayLength() < templated);
    }

    /// <summary>The counterexample as `--format json` writes it, in the data block's compact form.</summary>
    private static string CounterexampleJson(Analysis.Audit.AuditReport report, Analysis.Audit.Counterexample example)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            IamHarden.Cli.Rendering.AuditJsonWriter.WriteCounterexample(json, report, example);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void Without_usable_cidrs_no_ip_policy_is_offered()
    {
        var policies = RemediationPolicies.From(new Analysis.Configuration.IamHardenConfig { AllowedCidrs = ["10.0.0.0/8"] });
        Assert.NotNull(policies.MfaPolicyJson);
        Assert.Null(policies.IpPolicyJson);
        Assert.Contains("10.0.0.0/8", policies.IpPolicyProblem);
        Assert.Null(RemediationPolicies.From(new Analysis.Configuration.IamHardenConfig()).IpPolicyJson);
    }

    [Fact]
    public void Public_cidrs_give_the_recommended_ip_policy_with_the_service_guard()
    {
        var policies = RemediationPolicies.From(new Analysis.Configuration.IamHardenConfig { AllowedCidrs = ["8.8.8.0/24", "2a00:1450::/32"] });
        Assert.Null(policies.IpPolicyProblem);
        Assert.Contains("8.8.8.0/24", policies.IpPolicyJson);
        Assert.Contains("aws:ViaAWSService", policies.IpPolicyJson);
    }

    [Theory]
    [InlineData("</script><script>alert(1)</script>", "\\u003c/script>\\u003cscript>alert(1)\\u003c/script>")]
    [InlineData("<!--", "\\u003c!--")]
    [InlineData("no angle brackets", "no angle brackets")]
    public void Script_data_escapes_every_less_than_sign(string json, string expected)
    {
        Assert.Equal(expected, ScriptData.Escape(json));
    }
}
