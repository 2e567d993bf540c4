using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Security;

/// <summary>ALLOW_ANY_PRINCIPAL: a resource-based or trust policy that allows "*" without a condition.</summary>
public sealed class AllowAnyPrincipalRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "ALLOW_ANY_PRINCIPAL",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.Security,
        Title = "Allow for any principal without a condition",
        Description = "\"Principal\": \"*\" (or {\"AWS\": \"*\"}) with no Condition grants the actions to anyone: every AWS account and, for many services, anonymous callers. In a role trust policy it lets any AWS account assume the role.",
        Fix = "Name the accounts or principals, or restrict with conditions such as aws:PrincipalOrgID, aws:SourceAccount or aws:SourceVpce.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsAllow || statement.HasConditions || statement.Statement.Principal is not { IsNegated: false } principal) continue;
            bool anyone = principal.IsWildcard || principal.Entries.Any(e => e.Type == PrincipalType.AWS && e.Value.Value == "*");
            if (!anyone) continue;
            context.Report(Definition, principal.Span, statement.PathOf("Principal"),
                "this Allow applies to any principal in any account, with no condition to narrow it");
        }
    }
}
