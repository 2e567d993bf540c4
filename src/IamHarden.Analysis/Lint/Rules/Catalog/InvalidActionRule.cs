using IamHarden.Core.Policy;
using IamHarden.Core.Text;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>INVALID_ACTION: an action that does not exist, or a wildcard pattern that matches no action.</summary>
public sealed class InvalidActionRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "INVALID_ACTION",
        Severity = DiagnosticSeverity.Error,
        AwsManagedSeverity = DiagnosticSeverity.Warning,
        Category = LintCategory.Catalog,
        Title = "An action that does not exist, or a pattern that matches no action",
        Description = "The service exists but has no such action (\"s3:GetObjects\", \"iam:ChangePasword\"), or a wildcard pattern matches none of its actions (\"s3:Gte*\"). IAM accepts the policy and the value silently matches nothing: in an Allow nothing is granted, in a Deny nothing is denied, and in the NotAction list of an MFA policy the action is not excepted. Checked against the catalog shipped with IamHarden; AWS managed policies still name some retired actions, so there it is a warning.",
        Fix = "Use the action the message suggests, as spelled in the Service Authorization Reference.",
        AccessAnalyzerCode = "INVALID_ACTION",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            for (int i = 0; i < statement.Actions.Length; i++)
            {
                var action = statement.Actions[i];
                if (action.IsEverything || !action.Matches.IsEmpty || action.ServicePrefix is not { } prefix) continue;
                // An unknown service is INVALID_SERVICE_IN_ACTION; a wildcard in the service part matching nothing is reported here.
                if (prefix.AsSpan().IndexOfAny('*', '?') < 0 && context.Catalog.FindService(prefix) is null) continue;
                if (action.HasWildcard)
                {
                    context.Report(Definition, action.Value.Span, statement.ActionPath(i),
                        $"\"{action.Text}\" matches no action of the catalog; it has no effect in {statement.ActionElement}");
                    continue;
                }
                // The service is known: suggest among its actions only (the catalog's general
                // suggestion falls back to all 22,000 actions, far too slow for retired names).
                var service = context.Catalog.FindService(prefix)!;
                var name = FuzzyMatch.Best(action.Text[(prefix.Length + 1)..], service.Actions.Select(a => a.Name));
                var suggestion = name is null ? null : service.Prefix + ":" + name;
                context.Report(Definition, action.Value.Span, statement.ActionPath(i),
                    $"\"{action.Text}\" is not an action of {service.Name} ({service.Prefix})" + (suggestion is null ? "" : $"; did you mean \"{suggestion}\"?"),
                    suggestion is null ? null : $"write \"{suggestion}\"");
            }
        }
    }
}
