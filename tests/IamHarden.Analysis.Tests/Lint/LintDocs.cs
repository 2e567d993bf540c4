using System.Text;
using IamHarden.Analysis.Lint;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Tests.Lint;

/// <summary>
/// The generated parts of docs/LINT.md: the reference of every code (from the rules' own
/// documentation and the bad case of each) and the managed-corpus counts. Each part sits between
/// marker comments; tests compare it with what is committed and, with IAMHARDEN_UPDATE_DOCS=1,
/// rewrite it.
/// </summary>
internal static class LintDocs
{
    public static string Path => LintFixtures.RepositoryFile("docs/LINT.md");

    public static bool Updating => GeneratedDocs.Updating;

    /// <summary>The text between <c>&lt;!-- name:begin --&gt;</c> and <c>&lt;!-- name:end --&gt;</c>.</summary>
    public static string Section(string text, string name) => GeneratedDocs.Section(Path, text, name);

    public static void Replace(string name, string content) => GeneratedDocs.Replace(Path, name, content);

    /// <summary>The reference of every code, grouped by category, in registry order.</summary>
    public static string CodeReference()
    {
        var text = new StringBuilder();
        text.Append("| code | severity | what |\n| --- | --- | --- |\n");
        foreach (var info in LintRules.All.Select(r => r.Info))
            text.Append($"| [`{info.Code}`](#{info.Code.ToLowerInvariant()}) | {Severity(info)} | {info.Title} |\n");
        foreach (var group in LintRules.All.Select(r => r.Info).GroupBy(i => i.Category))
        {
            text.Append($"\n### {CategoryTitle(group.Key)}\n");
            foreach (var info in group)
            {
                text.Append($"\n#### {info.Code}\n\n");
                text.Append($"**{Severity(info)}**");
                if (info.AccessAnalyzerCode is { } aa) text.Append(aa == info.Code ? " · same code as IAM Access Analyzer" : $" · IAM Access Analyzer: `{aa}`");
                text.Append($" · {info.Title}.\n\n{info.Description}\n\n");
                text.Append($"Fix: {info.Fix}\n\n");
                var example = File.ReadAllText(LintFixtures.Case(info.Code, "bad")).TrimEnd();
                var options = File.Exists(System.IO.Path.Combine(LintFixtures.Root, "lint", "cases", $"{info.Code}.options.json"))
                    ? " (linted with " + DescribeOptions(info.Code) + ")" : "";
                int lines = example.Count(c => c == '\n') + 1;
                if (lines > 60)
                    text.Append($"Example{options}: tests/fixtures/lint/cases/{info.Code}.bad.json ({lines} lines, too long to show here).\n");
                else
                    text.Append($"Example{options}:\n\n```json\n{example}\n```\n");
                var result = LintFixtures.LintCase(info.Code, "bad");
                var finding = result.Findings.First(f => f.Code == info.Code);
                text.Append($"\n```text\n{finding.Format()}\n```\n");
            }
        }
        return text.ToString().TrimEnd('\n');
    }

    private static string DescribeOptions(string code)
    {
        var options = LintFixtures.OptionsFor(code);
        var parts = new List<string>();
        if (options.Kind != PolicyKind.Identity) parts.Add($"`--kind {options.Kind.CliName()}`");
        if (options.Quota is { } quota) parts.Add($"`--quota {quota.CliName()}`");
        if (options.Origin == PolicyOrigin.AwsManaged) parts.Add("`--aws-managed`");
        return string.Join(" ", parts);
    }

    public static string Severity(LintRuleInfo info) =>
        PolicyDiagnostic.SeverityWord(info.Severity) + (info.AwsManagedSeverity is { } relaxed ? $" ({PolicyDiagnostic.SeverityWord(relaxed)} with `--aws-managed`)" : "");

    private static string CategoryTitle(LintCategory category) => category switch
    {
        LintCategory.Grammar => "Grammar: JSON, elements, Version, Sids, variables",
        LintCategory.Catalog => "Catalog: services, actions, ARNs, condition keys and their types",
        LintCategory.Conditions => "Conditions that do not do what they seem to",
        LintCategory.Structure => "Structure: redundant and shadowed statements, size",
        LintCategory.Security => "Security warnings: overly broad grants",
        LintCategory.MfaTraps => "The guide's MFA policy: traps",
        _ => "The guide's source-IP policy: traps",
    };
}
