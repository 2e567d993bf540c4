using System.Collections.Immutable;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint;

/// <summary>The findings for one policy file, in source order.</summary>
/// <param name="File">The file name used in the findings.</param>
/// <param name="Findings">Every finding, sorted by position, then code.</param>
/// <param name="Document">The parsed policy, or null when the input was not a policy at all.</param>
public sealed record LintResult(string File, ImmutableArray<LintFinding> Findings, PolicyDocument? Document)
{
    /// <summary>
    /// True when the input could not be read as a policy at all (not JSON, or JSON that is not a
    /// policy document): nothing could be checked, so a run that meets one exits with code 2.
    /// </summary>
    public bool IsUnusable => Document is null || Findings.Any(f => f.Code is ParseErrorCodes.JsonSyntaxError or ParseErrorCodes.NotAPolicy);

    /// <summary>True when an error or a security warning was found (a lint run then exits with code 1).</summary>
    public bool HasFailures => Findings.Any(f => f.IsFailure);

    public int Count(DiagnosticSeverity severity) => Findings.Count(f => f.Severity == severity);
}
