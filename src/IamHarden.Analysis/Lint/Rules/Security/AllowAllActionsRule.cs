using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Security;

/// <summary>ALLOW_ALL_ACTIONS: "Action": "*" in an Allow.</summary>
public sealed class AllowAllActionsRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "ALLOW_ALL_ACTIONS",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.Security,
        Title = "Allow of every action (\"Action\": \"*\")",
        Description = "\"Action\": \"*\" in an Allow grants every action of every AWS service; with \"Resource\": \"*\" it is full administrator access, including managing IAM itself. Keep it to the few break-glass and administrator identities that need it, protected by MFA.",
        Fix = "Grant the services and actions the identity needs; for administrators, prefer the AWS managed AdministratorAccess policy attached to a group guarded by the MFA policy.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsAllow || !statement.CoversEverything) continue;
            var star = statement.Statement.Actions.Values.First(v => v.Value == "*");
            context.Report(Definition, star.Span, statement.ActionPath(statement.Statement.Actions.Values.IndexOf(star)),
                statement.ResourceIsEverything && !statement.HasConditions
                    ? "this Allow grants every action on every resource: full administrator access"
                    : "this Allow grants every action of every service" + (statement.HasConditions ? " (under its conditions)" : "") + (statement.ResourceIsEverything ? "" : " on its resources"));
        }
    }
}
