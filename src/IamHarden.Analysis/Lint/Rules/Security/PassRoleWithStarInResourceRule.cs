using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Security;

/// <summary>PASS_ROLE_WITH_STAR_IN_RESOURCE: iam:PassRole allowed on "*".</summary>
public sealed class PassRoleWithStarInResourceRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "PASS_ROLE_WITH_STAR_IN_RESOURCE",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.Security,
        Title = "iam:PassRole on every role",
        Description = "iam:PassRole lets the identity hand a role to a service (an EC2 instance, a Lambda function, a CloudFormation stack), which then acts with the role's permissions. Allowed on \"Resource\": \"*\" it can pass any role in the account, including administrator roles: a classic privilege escalation. This also holds when PassRole is granted through a wildcard (iam:*, iam:Pass*, *). An iam:PassedToService condition limits the services, not the roles, and is not counted as a fix.",
        Fix = "Restrict Resource to the ARNs of the roles the identity must pass (arn:aws:iam::111122223333:role/app-*) and add iam:PassedToService.",
        AccessAnalyzerCode = "PASS_ROLE_WITH_STAR_IN_RESOURCE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsAllow || !statement.ResourceIsEverything) continue;
            var via = ActionGrant.GrantedBy(statement, ActionGrant.PassRole);
            if (via is null) continue;
            context.Report(Definition, via.Value.Value.Span, via.Value.Path,
                $"{via.Value.Description} allows iam:PassRole on every role (\"Resource\": \"*\"): the identity can give any role, administrator roles included, to a service it controls");
        }
    }
}
