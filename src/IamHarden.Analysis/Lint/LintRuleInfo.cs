using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint;

/// <summary>
/// What a lint code means, for docs/LINT.md, SARIF rule descriptors and <c>--help</c>: its code,
/// severity, a one-line title, what it means and why it matters, and how to fix it in general.
/// </summary>
public sealed record LintRuleInfo
{
    /// <summary>The stable code, upper snake case; Access Analyzer's issue code where it reports the same problem.</summary>
    public required string Code { get; init; }

    public required DiagnosticSeverity Severity { get; init; }

    public required LintCategory Category { get; init; }

    /// <summary>One line, no trailing full stop, e.g. "Deny uses Bool on aws:MultiFactorAuthPresent".</summary>
    public required string Title { get; init; }

    /// <summary>What the finding means and why it matters (a short paragraph, plain text).</summary>
    public required string Description { get; init; }

    /// <summary>How to fix it, in general (findings may carry a fix specific to the policy).</summary>
    public required string Fix { get; init; }

    /// <summary>
    /// The severity in AWS managed policies, when it differs: AWS accepts its own policies, which
    /// name retired actions and keys and bend a few rules, so what is an error in a customer
    /// policy is reported there as a warning (the corpus test holds lint to "no errors on what
    /// AWS accepts").
    /// </summary>
    public DiagnosticSeverity? AwsManagedSeverity { get; init; }

    /// <summary>The matching IAM Access Analyzer ValidatePolicy issue code, when Access Analyzer reports the same class of problem.</summary>
    public string? AccessAnalyzerCode { get; init; }
}
