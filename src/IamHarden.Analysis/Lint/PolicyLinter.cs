using System.Collections.Immutable;
using System.Text;
using IamHarden.Core.Policy;
using IamHarden.Core.Policy.Syntax;
using IamHarden.Core.Text;

namespace IamHarden.Analysis.Lint;

/// <summary>
/// Lints IAM policy documents: parses each once (the parser reports grammar errors with their
/// positions), then runs every rule of <see cref="LintRules.All"/> on the parsed document.
/// Thread-safe; never throws for bad input — unusable input is itself a finding.
/// </summary>
public static class PolicyLinter
{
    /// <summary>Lints UTF-8 policy text read from <paramref name="file"/>.</summary>
    public static LintResult Lint(ReadOnlyMemory<byte> utf8, string file, LintOptions? options = null)
    {
        options ??= new LintOptions();
        var source = new SourceText(utf8, file);
        var parsed = PolicyParser.Parse(source, options.Kind);
        return Run(parsed, source, file, options);
    }

    /// <summary>Lints policy text given as a string.</summary>
    public static LintResult Lint(string text, string file, LintOptions? options = null) =>
        Lint(Encoding.UTF8.GetBytes(text), file, options);

    private static LintResult Run(PolicyParseResult parsed, SourceText source, string file, LintOptions options)
    {
        var findings = new List<LintFinding>();
        var diagnostics = ExplainNonPolicy(parsed, source);
        // Another kind of file: its elements are not misspelt policy elements, so say only what it is.
        if (diagnostics.Any(d => d.Code == ParseErrorCodes.NotAPolicy))
            diagnostics = [.. diagnostics.Where(d => d.Code == ParseErrorCodes.NotAPolicy)];
        foreach (var d in diagnostics)
        {
            if (!options.IgnoredCodes.Contains(d.Code) || d.Code is ParseErrorCodes.JsonSyntaxError or ParseErrorCodes.NotAPolicy)
                findings.Add(new LintFinding(d.Code, d.Severity, d.Message, file, d.Span, d.JsonPath));
        }
        var document = parsed.Document;
        if (document is null || diagnostics.Any(d => d.Code == ParseErrorCodes.NotAPolicy))
            return new LintResult(file, Sort(findings), null);

        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        var context = new LintContext(document, options, file, errors, findings);
        foreach (var rule in LintRules.All)
        {
            // An ignored code costs nothing: some rules compare every pair of statements.
            if (!options.IgnoredCodes.Contains(rule.Info.Code)) rule.Check(context);
        }
        return new LintResult(file, Sort(findings), document);
    }

    /// <summary>
    /// The parser reads any JSON object as a policy with errors. An object with none of a policy's
    /// elements (Version, Statement, Id) is not a policy written wrongly but another kind of file,
    /// and is explained as such rather than with a list of unknown elements.
    /// </summary>
    private static ImmutableArray<PolicyDiagnostic> ExplainNonPolicy(PolicyParseResult parsed, SourceText source)
    {
        if (parsed.Document?.Syntax is not { } root) return parsed.Diagnostics;
        // A misspelt element ("statement", "Statment") is a policy written wrongly: keep the parser's did-you-mean.
        if (root.Members.Any(m => FuzzyMatch.Best(m.Name, PolicyElements) is not null)) return parsed.Diagnostics;
        if (parsed.Diagnostics.Any(d => d.Code == ParseErrorCodes.NotAPolicy)) return parsed.Diagnostics;
        var names = root.Members.Select(m => $"\"{m.Name}\"").Distinct().Take(5).ToList();
        var message = names.Count == 0
            ? "this is an empty JSON object, not a policy; an IAM policy is a JSON object {\"Version\": \"2012-10-17\", \"Statement\": [...]}"
            : $"this JSON object has none of a policy's elements (it has {string.Join(", ", names)}{(root.Members.Length > 5 ? ", ..." : "")}); an IAM policy is a JSON object {{\"Version\": \"2012-10-17\", \"Statement\": [...]}}";
        return [new PolicyDiagnostic(ParseErrorCodes.NotAPolicy, DiagnosticSeverity.Error, message, root.Span.IsKnown ? root.Span : source.SpanOf(0, 0), "")];
    }

    private static readonly string[] PolicyElements = ["Version", "Statement", "Id"];

    private static ImmutableArray<LintFinding> Sort(List<LintFinding> findings)
    {
        // Stable, so two findings of one rule at one place keep the order the rule reported them in.
        var sorted = findings.Select((f, i) => (f, i)).ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            int c = a.f.Span.Offset.CompareTo(b.f.Span.Offset);
            if (c == 0) c = a.f.Severity.CompareTo(b.f.Severity);
            if (c == 0) c = string.CompareOrdinal(a.f.Code, b.f.Code);
            return c != 0 ? c : a.i.CompareTo(b.i);
        });
        return [.. sorted.Select(p => p.f)];
    }
}
