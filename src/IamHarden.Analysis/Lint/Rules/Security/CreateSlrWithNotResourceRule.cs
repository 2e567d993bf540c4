using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Security;

/// <summary>CREATE_SLR_WITH_NOT_RESOURCE: iam:CreateServiceLinkedRole allowed with NotResource.</summary>
public sealed class CreateSlrWithNotResourceRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "CREATE_SLR_WITH_NOT_RESOURCE",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Security,
        Title = "iam:CreateServiceLinkedRole with NotResource",
        Description = "An Allow with NotResource applies to every resource except the listed ones. With iam:CreateServiceLinkedRole among its actions (also through a wildcard or NotAction), the identity can create the service-linked role of any service whose role is not excluded, and so switch on what those roles allow.",
        Fix = "Use Resource with the service-linked role ARNs the identity must create instead of NotResource.",
        AccessAnalyzerCode = "CREATE_SLR_WITH_NOT_RESOURCE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsAllow || statement.Statement.Resources is not { IsNegated: true } || statement.HasConditionOn("iam:AWSServiceName")) continue;
            var via = ActionGrant.GrantedBy(statement, ActionGrant.CreateServiceLinkedRole);
            if (via is null) continue;
            context.Report(Definition, via.Value.Value.Span, via.Value.Path,
                $"{via.Value.Description} allows iam:CreateServiceLinkedRole on every resource except the ones NotResource lists",
                "use Resource with the service-linked role ARNs it must create");
        }
    }
}
