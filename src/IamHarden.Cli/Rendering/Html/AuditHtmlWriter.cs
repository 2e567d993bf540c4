using System.Net;
using System.Text;
using IamHarden.Analysis.Audit;

namespace IamHarden.Cli.Rendering.Html;

/// <summary>
/// `audit --format html`: one self-contained page — styles, script, charts and data inline — that
/// opens from disk, loads nothing (its Content-Security-Policy forbids any network access), and
/// prints on A4. The data travels as JSON in a non-executable script block; the page builds its
/// DOM from it with textContent only, so no account-provided string is ever parsed as HTML.
/// </summary>
public static class AuditHtmlWriter
{
    public static string Write(AuditReport report, string language, RemediationPolicies policies)
    {
        var script = PageResources.Script;
        var style = PageResources.Style;
        var data = ScriptData.Escape(ReportDataWriter.Write(report, language, policies));
        var interfaceText = ScriptData.Escape(PageResources.InterfaceText);
        var title = language == "ko" ? $"IamHarden 감사 보고서 — 계정 {report.AccountId}" : $"IamHarden audit — account {report.AccountId}";

        // Replace placeholders one at a time, in template order, so that text we insert (which
        // may contain anything, "{{...}}" included) is never searched again.
        var template = PageResources.Template;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["lang"] = language,
            ["csp"] = WebUtility.HtmlEncode(ContentSecurityPolicy.For(script, style)),
            ["title"] = WebUtility.HtmlEncode(title),
            ["style"] = style,
            ["interface-text"] = interfaceText,
            ["data"] = data,
            ["script"] = script,
        };
        var html = new StringBuilder(template.Length + data.Length + script.Length + style.Length + 1024);
        int position = 0;
        while (true)
        {
            int start = template.IndexOf("{{", position, StringComparison.Ordinal);
            if (start < 0) break;
            int end = template.IndexOf("}}", start, StringComparison.Ordinal);
            var name = template[(start + 2)..end];
            if (!values.TryGetValue(name, out var value))
                throw new InvalidOperationException($"report.html has an unknown placeholder {{{{{name}}}}}");
            html.Append(template, position, start - position).Append(value);
            position = end + 2;
        }
        html.Append(template, position, template.Length - position);
        return html.ToString();
    }
}
