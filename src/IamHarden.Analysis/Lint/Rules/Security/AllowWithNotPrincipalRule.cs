using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Security;

/// <summary>ALLOW_WITH_NOT_PRINCIPAL: Allow + NotPrincipal grants everyone except the listed principals.</summary>
public sealed class AllowWithNotPrincipalRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "ALLOW_WITH_NOT_PRINCIPAL",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.Security,
        Title = "Allow with NotPrincipal",
        Description = "\"Effect\": \"Allow\" with NotPrincipal grants access to every principal except the listed ones, anonymous callers and other accounts included.",
        Fix = "Name the principals to allow in Principal; put exceptions in a Deny.",
        AccessAnalyzerCode = "ALLOW_WITH_NOT_PRINCIPAL",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsAllow || statement.Statement.Principal is not { IsNegated: true } principal) continue;
            context.Report(Definition, principal.Span, statement.PathOf("NotPrincipal"),
                "this Allow applies to every principal except the listed ones, including anonymous callers and other accounts");
        }
    }
}
