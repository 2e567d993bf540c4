using IamHarden.Core.Policy.Syntax;

namespace IamHarden.Core.Policy;

/// <summary>
/// How serious a finding is, in IAM Access Analyzer's terms: Error (AWS rejects it or it cannot
/// work), SecurityWarning (overly permissive or silently unprotected), Warning (not best
/// practice), Suggestion (style, no effect on access).
/// </summary>
public enum DiagnosticSeverity { Error, SecurityWarning, Warning, Suggestion }

/// <summary>One problem found in a policy, with a stable code, its position and JSON path.</summary>
public sealed record PolicyDiagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceSpan Span, string JsonPath)
{
    /// <summary>Compiler-style text: <c>file:line:col: error CODE: message</c>.</summary>
    public string Format(string fileName) =>
        $"{fileName}:{Span.Line}:{Span.Column}: {SeverityWord(Severity)} {Code}: {Message}";

    public static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.SecurityWarning => "security-warning",
        DiagnosticSeverity.Warning => "warning",
        _ => "suggestion",
    };
}
