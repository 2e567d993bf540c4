using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Security;

/// <summary>PRIVILEGE_ESCALATION: IAM actions that let an identity give itself more permissions, allowed on every resource.</summary>
public sealed class PrivilegeEscalationRule : LintRule
{
    /// <summary>Actions that, on any user, group, role or policy, let the caller raise its own permissions, with how.</summary>
    public static IReadOnlyDictionary<string, string> EscalationActions { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["iam:CreatePolicyVersion"] = "rewrite a managed policy attached to itself",
        ["iam:SetDefaultPolicyVersion"] = "switch a policy back to an older, broader version",
        ["iam:AttachUserPolicy"] = "attach AdministratorAccess to a user",
        ["iam:AttachGroupPolicy"] = "attach AdministratorAccess to its group",
        ["iam:AttachRolePolicy"] = "attach AdministratorAccess to a role it can use",
        ["iam:PutUserPolicy"] = "write any inline policy on a user",
        ["iam:PutGroupPolicy"] = "write any inline policy on its group",
        ["iam:PutRolePolicy"] = "write any inline policy on a role it can use",
        ["iam:AddUserToGroup"] = "join an administrators group",
        ["iam:CreateAccessKey"] = "create access keys for another user",
        ["iam:CreateLoginProfile"] = "give another user a console password it knows",
        ["iam:UpdateLoginProfile"] = "reset another user's console password",
        ["iam:UpdateAssumeRolePolicy"] = "let itself assume any role",
        ["iam:DeleteUserPermissionsBoundary"] = "remove the permissions boundary that limits a user",
        ["iam:DeleteRolePermissionsBoundary"] = "remove the permissions boundary that limits a role",
    };

    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "PRIVILEGE_ESCALATION",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.Security,
        Title = "IAM actions that let the identity raise its own permissions",
        Description = "Some IAM actions, allowed on every user, group, role or policy, are as good as administrator access: iam:CreatePolicyVersion and iam:SetDefaultPolicyVersion rewrite a policy the caller already has, iam:Attach*Policy and iam:Put*Policy add any permission, iam:AddUserToGroup joins an administrators group, iam:CreateAccessKey, iam:CreateLoginProfile and iam:UpdateLoginProfile take over another user, iam:UpdateAssumeRolePolicy opens any role, and deleting a permissions boundary lifts its limit. Reported when such actions are allowed with \"Resource\": \"*\" or NotResource, through any pattern except \"*\" and \"iam:*\" (which ALLOW_ALL_ACTIONS and ALLOW_SERVICE_WILDCARD report). Scoping them to the caller's own user (arn:aws:iam::*:user/${aws:username}), as the MFA policy does, is not escalation.",
        Fix = "Scope Resource to the users, groups, roles and policies the identity manages, and give identity administrators a permissions boundary.",
    };

    public override LintRuleInfo Info => Definition;

    private static bool CouldBeIam(string action) =>
        action.StartsWith("iam:", StringComparison.OrdinalIgnoreCase)
        || (action.IndexOf(':') is var colon and > 0 && action.AsSpan(0, colon).IndexOfAny('*', '?') >= 0);

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsAllow || statement.Statement.Actions.IsNegated || !statement.IsUnscopedByResource) continue;
            // Only values that can name an IAM action: "iam:..." or a wildcard service part.
            var candidates = Enumerable.Range(0, statement.Actions.Length).Where(i => CouldBeIam(statement.Actions[i].Text)).ToList();
            if (candidates.Count == 0) continue;
            var granted = new List<(string Action, int Index)>();
            foreach (var action in EscalationActions.Keys)
            {
                foreach (int i in candidates)
                {
                    var text = statement.Actions[i].Text;
                    if (text == "*" || string.Equals(text, "iam:*", StringComparison.OrdinalIgnoreCase)) continue;
                    if (!Coverage.ActionCovers(text, action)) continue;
                    granted.Add((action, i));
                    break;
                }
            }
            if (granted.Count == 0) continue;
            int first = granted.Min(g => g.Index);
            var how = string.Join("; ", granted.Take(4).Select(g => $"{g.Action} can {EscalationActions[g.Action]}"));
            context.Report(Definition, statement.Actions[first].Value.Span, statement.ActionPath(first),
                $"this Allow grants {granted.Count} privilege-escalation action{(granted.Count == 1 ? "" : "s")} on every resource: {how}{(granted.Count > 4 ? "; ..." : "")}");
        }
    }
}
