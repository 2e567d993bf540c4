using System.Text;
using IamHarden.Analysis.Audit;
using IamHarden.Analysis.Tests.Lint;

namespace IamHarden.Analysis.Tests.Audit;

/// <summary>
/// The generated part of docs/CHECKS.md: every check as its metadata defines it (id, title in
/// both languages, severity, guide section, CIS ids per version, ISMS-P controls, what it decides
/// and how, remediation in English and Korean, the fix). Generated, so the doc cannot drift.
/// </summary>
internal static class AuditDocs
{
    public static string Path => LintFixtures.RepositoryFile("docs/CHECKS.md");

    /// <summary>The sections of the guide (PRODUCT.md, "What the guide says").</summary>
    private static readonly Dictionary<string, string> GuideSections = new()
    {
        ["2"] = "MFA enforcement",
        ["3"] = "IP restriction",
        ["4"] = "recommended structure",
        ["5"] = "cautions",
        ["6"] = "operations",
    };

    public static string CheckReference()
    {
        var checks = AuditChecks.All.Select(c => c.Metadata).ToList();
        var text = new StringBuilder();
        text.Append("| check | severity | guide | CIS v3.0 | CIS v7.0 | ISMS-P |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var m in checks)
            text.Append($"| [`{m.Id}`](#{m.Id}) | {m.Severity.Name()} | §{m.GuideSection} | {Cis(m, "3.0")} | {Cis(m, "7.0")} | {string.Join(", ", m.IsmsP)} |\n");
        foreach (var m in checks)
        {
            text.Append($"\n### {m.Id}\n\n");
            text.Append($"**{m.Title.En}** · {m.Title.Ko}\n\n");
            text.Append("| severity | subject | guide | CIS v3.0 | CIS v7.0 | ISMS-P |\n| --- | --- | --- | --- | --- | --- |\n");
            text.Append($"| {m.Severity.Name()} | {m.Subject} | §{m.GuideSection} {GuideSections[m.GuideSection!]} | {Cis(m, "3.0")} | {Cis(m, "7.0")} | "
                + string.Join("; ", m.IsmsP.Select(c => $"{c} {IsmsPControls.Name(c)}")) + " |\n\n");
            text.Append($"Why: {Escape(m.Risk.En)}\n\n");
            text.Append($"Decides: {Escape(m.Logic)}\n\n");
            text.Append($"Fix: {Escape(m.Remediation.En)}\n\n");
            text.Append($"조치: {m.Remediation.Ko}\n\n");
            text.Append($"```text\n{m.FixCommand}\n```\n");
        }
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>Markdown would take "&lt;root_account&gt;" for an HTML tag.</summary>
    private static string Escape(string text) => text.Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Cis(CheckMetadata m, string version) => m.Cis.TryGetValue(version, out var ids) ? string.Join(", ", ids) : "—";
}
