using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Security;

/// <summary>PASS_ROLE_WITH_NOT_RESOURCE: iam:PassRole allowed with NotResource.</summary>
public sealed class PassRoleWithNotResourceRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "PASS_ROLE_WITH_NOT_RESOURCE",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.Security,
        Title = "iam:PassRole with NotResource",
        Description = "With NotResource, iam:PassRole is allowed on every role except the listed ones, including roles created later: the identity can hand almost any role to a service it controls.",
        Fix = "List the roles that may be passed in Resource.",
        AccessAnalyzerCode = "PASS_ROLE_WITH_NOT_RESOURCE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsAllow || statement.Statement.Resources is not { IsNegated: true }) continue;
            var via = ActionGrant.GrantedBy(statement, ActionGrant.PassRole);
            if (via is null) continue;
            context.Report(Definition, via.Value.Value.Span, via.Value.Path,
                $"{via.Value.Description} allows iam:PassRole on every role except the ones NotResource lists");
        }
    }
}
