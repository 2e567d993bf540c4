using System.Collections.Immutable;
using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Catalog;
using IamHarden.Core.Policy;
using IamHarden.Core.Policy.Syntax;

namespace IamHarden.Analysis.Lint;

/// <summary>
/// What a rule sees of one policy: the parsed document, the options, the catalog, the analyses
/// shared by several rules (computed once), and <see cref="Report"/> to add a finding.
/// </summary>
public sealed class LintContext
{
    private readonly List<LintFinding> _findings;

    internal LintContext(PolicyDocument document, LintOptions options, string file, ImmutableArray<PolicyDiagnostic> grammarErrors, List<LintFinding> findings)
    {
        Document = document;
        Options = options;
        File = file;
        _findings = findings;
        CatalogFacts = CatalogFacts.For(options.Catalog);
        var all = document.Statements.Select(s => new StatementFacts(s, CatalogFacts)).ToImmutableArray();
        AllStatements = all;
        // A statement the parser found errors in is only half-built (a missing Effect reads as
        // Allow, a missing Action as an empty list): semantic rules would report nonsense on it.
        Statements = [.. all.Where(s => !grammarErrors.Any(e => IsInside(e.JsonPath, s.JsonPath)))];
    }

    public PolicyDocument Document { get; }

    public LintOptions Options { get; }

    public ActionCatalog Catalog => Options.Catalog;

    public CatalogFacts CatalogFacts { get; }

    /// <summary>The file name used in findings.</summary>
    public string File { get; }

    /// <summary>The source text, when the policy was read from one (null for policies built in code).</summary>
    public SourceText? Source => Document.Source;

    public PolicyKind Kind => Options.Kind;

    public bool IsAwsManaged => Options.Origin == PolicyOrigin.AwsManaged;

    /// <summary>The statements without grammar errors: the ones semantic rules look at.</summary>
    public ImmutableArray<StatementFacts> Statements { get; }

    /// <summary>Every statement, grammar errors or not.</summary>
    public ImmutableArray<StatementFacts> AllStatements { get; }

    /// <summary>Whether the policy uses policy variables at all (Version 2012-10-17 substitutes them).</summary>
    public bool SubstitutesVariables => Document.Version.SubstitutesVariables();

    /// <summary>Adds a finding of <paramref name="rule"/> (unless its code is ignored).</summary>
    public void Report(LintRuleInfo rule, SourceSpan span, string jsonPath, string message, string? fix = null)
    {
        if (Options.IgnoredCodes.Contains(rule.Code)) return;
        var severity = IsAwsManaged && rule.AwsManagedSeverity is { } relaxed ? relaxed : rule.Severity;
        _findings.Add(new LintFinding(rule.Code, severity, message, File, span, jsonPath, fix));
    }

    private static bool IsInside(string path, string statementPath) =>
        path.StartsWith(statementPath, StringComparison.Ordinal)
        && (path.Length == statementPath.Length || path[statementPath.Length] is '.' or '[');
}
