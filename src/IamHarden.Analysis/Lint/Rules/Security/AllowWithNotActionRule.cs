using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Security;

/// <summary>ALLOW_WITH_NOT_ACTION: Allow + NotAction grants every action except the listed ones.</summary>
public sealed class AllowWithNotActionRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "ALLOW_WITH_NOT_ACTION",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.Security,
        Title = "Allow with NotAction",
        Description = "\"Effect\": \"Allow\" with NotAction grants every action of every service except the listed ones, including services and actions AWS adds later. It is almost always far broader than intended; NotAction belongs in Deny statements (as in the MFA policy).",
        Fix = "List the actions to allow in Action. To allow \"everything but\", allow the broad set and add a Deny for the exceptions.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsAllow || !statement.Statement.Actions.IsNegated) continue;
            context.Report(Definition, statement.Statement.Actions.Span, statement.PathOf("NotAction"),
                $"this Allow grants every action except the {statement.Statement.Actions.Values.Length} listed ({statement.Covered.Count:N0} of the catalog's {context.CatalogFacts.ActionCount:N0} actions), and every action AWS adds later");
        }
    }
}
