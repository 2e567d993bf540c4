using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>INVALID_PRINCIPAL_TYPE: Unknown principal type in Principal (reported by the parser).</summary>
public sealed class InvalidPrincipalTypeRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.InvalidPrincipalType,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "Unknown principal type in Principal",
        Description = "The keys of a Principal object are AWS, Service, Federated or CanonicalUser (case-sensitive). Anything else is rejected.",
        Fix = "Use one of AWS, Service, Federated or CanonicalUser.",
    };

    public override LintRuleInfo Info => Definition;
}
