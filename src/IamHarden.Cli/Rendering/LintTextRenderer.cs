using System.Text;
using IamHarden.Analysis.Lint;
using IamHarden.Cli.Commands;
using IamHarden.Core.Policy;

namespace IamHarden.Cli.Rendering;

/// <summary>Compiler-style text: one line per finding (<c>file:line:col: severity CODE: message</c>), its fix indented below, and a summary.</summary>
public static class LintTextRenderer
{
    public static string Render(LintRun run)
    {
        var text = new StringBuilder();
        foreach (var result in run.Results)
        {
            foreach (var finding in result.Findings)
            {
                text.Append(finding.Format()).Append('\n');
                if (finding.Fix is { } fix) text.Append("    fix: ").Append(fix).Append('\n');
            }
        }
        text.Append(Summary(run)).Append('\n');
        return text.ToString();
    }

    /// <summary>"3 files: 1 error, 2 warnings" (counts of zero left out; "no findings" when clean).</summary>
    public static string Summary(LintRun run)
    {
        var findings = run.Results.SelectMany(r => r.Findings).ToList();
        int files = run.Results.Count + run.InputFailures.Count;
        var parts = new List<string>();
        void Add(int n, string word) { if (n > 0) parts.Add($"{n} {word}{(n == 1 ? "" : "s")}"); }
        Add(findings.Count(f => f.Severity == DiagnosticSeverity.Error), "error");
        Add(findings.Count(f => f.Severity == DiagnosticSeverity.SecurityWarning), "security warning");
        Add(findings.Count(f => f.Severity == DiagnosticSeverity.Warning), "warning");
        Add(findings.Count(f => f.Severity == DiagnosticSeverity.Suggestion), "suggestion");
        Add(run.InputFailures.Count, "unreadable file");
        return $"{files} file{(files == 1 ? "" : "s")} linted: " + (parts.Count == 0 ? "no findings" : string.Join(", ", parts));
    }

    /// <summary>The rule list for --list-rules: code, severity, title.</summary>
    public static string RenderRules(IEnumerable<LintRule> rules)
    {
        var text = new StringBuilder();
        var list = rules.Select(r => r.Info).ToList();
        int width = list.Max(r => r.Code.Length);
        foreach (var rule in list)
            text.Append(rule.Code.PadRight(width + 2)).Append(PolicyDiagnostic.SeverityWord(rule.Severity).PadRight(18)).Append(rule.Title).Append('\n');
        return text.ToString();
    }
}
