using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>UNSUPPORTED_PRINCIPAL: Principal in an identity policy, boundary, session policy or SCP (reported by the parser).</summary>
public sealed class UnsupportedPrincipalRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.UnsupportedPrincipal,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "Principal in an identity policy, boundary, session policy or SCP",
        Description = "Policies attached to users, groups and roles apply to whoever they are attached to; they cannot name a Principal. IAM rejects them.",
        Fix = "Remove Principal/NotPrincipal. If this is a bucket, queue or key policy, lint it with --kind resource; a role trust policy with --kind trust.",
        AccessAnalyzerCode = "UNSUPPORTED_PRINCIPAL",
    };

    public override LintRuleInfo Info => Definition;
}
