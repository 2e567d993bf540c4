using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using IamHarden.Analysis.Lint;
using IamHarden.Cli.Commands;
using IamHarden.Core.Policy;

namespace IamHarden.Cli.Rendering;

/// <summary>
/// Lint results as a SARIF 2.1.0 log for GitHub code scanning: one rule descriptor per lint code
/// (with its documentation), one result per finding with its region and JSON path, and the
/// unreadable files as tool execution notifications.
/// </summary>
public static class LintSarifRenderer
{
    public static string Render(LintRun run) => SarifWriter.Write(Build(run));

    public static SarifLog Build(LintRun run)
    {
        var rules = LintRules.All.Select(r => r.Info).ToList();
        var index = rules.Select((r, i) => (r.Code, i)).ToDictionary(p => p.Code, p => p.i);
        var results = run.Results.SelectMany(r => r.Findings).Select(f => Result(f, index)).ToList();
        var notifications = run.InputFailures
            .Select(f => new SarifNotification(new SarifMessage(f.Message))
            {
                Level = "error",
                Locations = f.File == "<stdin>" ? null : [new SarifLocation { PhysicalLocation = new SarifPhysicalLocation(SarifWriter.ArtifactFor(f.File)) }],
            })
            .Concat(run.Results.Where(r => r.IsUnusable).Select(r => new SarifNotification(new SarifMessage($"{r.File}: not a usable policy; nothing else was checked")) { Level = "error" }))
            .ToList();
        var version = typeof(LintSarifRenderer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0";
        var driver = new SarifToolComponent("IamHarden lint")
        {
            Version = version,
            SemanticVersion = version,
            Rules = rules.Select(Descriptor).ToList(),
        };
        var invocation = new SarifInvocation(!run.HasUnusableInput) { ToolExecutionNotifications = notifications.Count == 0 ? null : notifications };
        return new SarifLog([new SarifRun(new SarifTool(driver), results)
        {
            Invocations = [invocation],
            OriginalUriBaseIds = SarifWriter.SourceRootBase(),
        }]);
    }

    /// <summary>SARIF levels: errors and security warnings are "error" (both fail the run), warnings "warning", suggestions "note".</summary>
    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error or DiagnosticSeverity.SecurityWarning => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static SarifReportingDescriptor Descriptor(LintRuleInfo rule)
    {
        var properties = new Dictionary<string, object>
        {
            ["tags"] = rule.Severity == DiagnosticSeverity.SecurityWarning ? new[] { "security", "iam", rule.Category.ToString() } : new[] { "iam", rule.Category.ToString() },
            ["precision"] = "high",
            ["problem.severity"] = rule.Severity == DiagnosticSeverity.Suggestion ? "recommendation" : rule.Severity == DiagnosticSeverity.Warning ? "warning" : "error",
        };
        // GitHub code scanning ranks security alerts by this score (0-10).
        if (rule.Severity == DiagnosticSeverity.SecurityWarning) properties["security-severity"] = "7.5";
        if (rule.AccessAnalyzerCode is { } aa) properties["accessAnalyzerIssueCode"] = aa;
        return new SarifReportingDescriptor(rule.Code)
        {
            Name = PascalCase(rule.Code),
            ShortDescription = new SarifMessage(rule.Title),
            FullDescription = new SarifMessage(rule.Description),
            Help = new SarifMultiformatMessage($"{rule.Description}\nFix: {rule.Fix}")
            {
                Markdown = $"{rule.Description}\n\n**Fix:** {rule.Fix}\n\nSeverity: {PolicyDiagnostic.SeverityWord(rule.Severity)}. All codes: docs/LINT.md in the IamHarden repository.",
            },
            DefaultConfiguration = new SarifReportingConfiguration(Level(rule.Severity)),
            Properties = properties,
        };
    }

    private static SarifResult Result(LintFinding finding, Dictionary<string, int> index)
    {
        var region = new SarifRegion(Math.Max(1, finding.Line), Math.Max(1, finding.Column));
        if (finding.Span.IsKnown) region = region with { CharOffset = finding.Span.Offset, CharLength = finding.Span.Length };
        var location = new SarifLocation
        {
            PhysicalLocation = new SarifPhysicalLocation(SarifWriter.ArtifactFor(finding.File == "<stdin>" ? "stdin" : finding.File)) { Region = region },
            LogicalLocations = finding.JsonPath.Length == 0 ? null : [new SarifLogicalLocation(finding.JsonPath) { Kind = "member" }],
        };
        var properties = new Dictionary<string, object> { ["severity"] = PolicyDiagnostic.SeverityWord(finding.Severity) };
        if (finding.Fix is not null) properties["fix"] = finding.Fix;
        return new SarifResult(finding.Code, new SarifMessage(finding.Fix is null ? finding.Message : $"{finding.Message}. Fix: {finding.Fix}"))
        {
            RuleIndex = index.GetValueOrDefault(finding.Code, -1) is var i and >= 0 ? i : null,
            Level = Level(finding.Severity),
            Locations = [location],
            // Stable across runs and line moves: code, file, JSON path and message.
            PartialFingerprints = new Dictionary<string, string> { ["iamhardenLint/v1"] = Fingerprint(finding) },
            Properties = properties,
        };
    }

    private static string Fingerprint(LintFinding finding) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{finding.Code}\n{finding.File}\n{finding.JsonPath}\n{finding.Message}")))[..32];

    private static string PascalCase(string code) =>
        string.Concat(code.Split('_').Select(w => w.Length == 0 ? w : w[0] + w[1..].ToLowerInvariant()));
}
