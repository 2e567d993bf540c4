using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Security;

/// <summary>ALLOW_WITH_NOT_RESOURCE: Allow + NotResource grants on every resource except the listed ones.</summary>
public sealed class AllowWithNotResourceRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "ALLOW_WITH_NOT_RESOURCE",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.Security,
        Title = "Allow with NotResource",
        Description = "\"Effect\": \"Allow\" with NotResource grants the actions on every resource except the listed ones, in every account the principal can reach, including resources created later.",
        Fix = "List the resources to allow in Resource; put exceptions in a separate Deny.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsAllow || statement.Statement.Resources is not { IsNegated: true } resources) continue;
            context.Report(Definition, resources.Span, statement.PathOf("NotResource"),
                $"this Allow grants its actions on every resource except the {resources.Values.Length} listed, including resources created later");
        }
    }
}
