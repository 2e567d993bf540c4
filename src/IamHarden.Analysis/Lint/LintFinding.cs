using IamHarden.Core.Policy;
using IamHarden.Core.Policy.Syntax;

namespace IamHarden.Analysis.Lint;

/// <summary>
/// One problem lint found in one policy file: a stable code (see docs/LINT.md), how serious it is,
/// what is wrong in this policy, where (file, line, column, JSON path), and, when lint can say it,
/// how to fix it.
/// </summary>
/// <param name="Code">The rule's code, e.g. <c>MFA_DENY_BOOL_WITHOUT_IF_EXISTS</c>; Access Analyzer's issue code where it has one.</param>
/// <param name="Severity">Error, SecurityWarning, Warning or Suggestion, in IAM Access Analyzer's sense.</param>
/// <param name="Message">What is wrong, specific to this policy.</param>
/// <param name="File">The file name as given on the command line ("&lt;stdin&gt;" for standard input).</param>
/// <param name="Span">Where the problem is; <see cref="SourceSpan.None"/> for a policy built in code.</param>
/// <param name="JsonPath">The JSON path of the element, e.g. <c>Statement[0].Condition.Bool.aws:MultiFactorAuthPresent</c>.</param>
/// <param name="Fix">How to fix it in this policy, or null when the message already says it.</param>
public sealed record LintFinding(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string File,
    SourceSpan Span,
    string JsonPath,
    string? Fix = null)
{
    public int Line => Span.Line;
    public int Column => Span.Column;

    /// <summary>True for the findings that fail a lint run (exit code 1): errors and security warnings.</summary>
    public bool IsFailure => Severity is DiagnosticSeverity.Error or DiagnosticSeverity.SecurityWarning;

    /// <summary>Compiler-style text: <c>file:line:col: severity CODE: message</c>.</summary>
    public string Format() =>
        $"{File}:{Math.Max(1, Span.Line)}:{Math.Max(1, Span.Column)}: {PolicyDiagnostic.SeverityWord(Severity)} {Code}: {Message}";
}
