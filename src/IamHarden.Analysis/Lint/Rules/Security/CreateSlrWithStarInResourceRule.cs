using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Security;

/// <summary>CREATE_SLR_WITH_STAR_IN_RESOURCE: iam:CreateServiceLinkedRole allowed on "*".</summary>
public sealed class CreateSlrWithStarInResourceRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "CREATE_SLR_WITH_STAR_IN_RESOURCE",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Security,
        Title = "iam:CreateServiceLinkedRole on every service",
        Description = "iam:CreateServiceLinkedRole creates the role an AWS service uses to act in the account, with the permissions that service defines. On \"Resource\": \"*\" (also through iam:*, iam:Create* or *) the identity can create the service-linked role of any service, including services the account does not use, and so switch on what those roles allow.",
        Fix = "Restrict Resource to the service-linked roles the identity must create (arn:aws:iam::*:role/aws-service-role/SERVICE.amazonaws.com/*), or add an iam:AWSServiceName condition.",
        AccessAnalyzerCode = "CREATE_SLR_WITH_STAR_IN_RESOURCE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsAllow || !statement.ResourceIsEverything || statement.HasConditionOn("iam:AWSServiceName")) continue;
            var via = ActionGrant.GrantedBy(statement, ActionGrant.CreateServiceLinkedRole);
            if (via is null) continue;
            context.Report(Definition, via.Value.Value.Span, via.Value.Path,
                $"{via.Value.Description} allows iam:CreateServiceLinkedRole on every resource (\"Resource\": \"*\"): the identity can create the service-linked role of any AWS service",
                "list the service-linked role ARNs it must create, or add \"StringEquals\": {\"iam:AWSServiceName\": [...]}");
        }
    }
}
