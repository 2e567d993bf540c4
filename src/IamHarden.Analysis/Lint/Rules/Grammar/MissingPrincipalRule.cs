using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>MISSING_PRINCIPAL: A resource-based or trust policy statement has no Principal (reported by the parser).</summary>
public sealed class MissingPrincipalRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.MissingPrincipal,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "A resource-based or trust policy statement has no Principal",
        Description = "Resource-based policies and role trust policies say who they apply to with Principal (or NotPrincipal). Without it the statement is rejected.",
        Fix = "Add \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"} (or Service, Federated, as fits). If this is an identity policy, lint it with --kind identity.",
        AccessAnalyzerCode = "MISSING_PRINCIPAL",
    };

    public override LintRuleInfo Info => Definition;
}
