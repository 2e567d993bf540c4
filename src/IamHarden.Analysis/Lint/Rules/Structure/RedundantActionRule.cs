using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Structure;

/// <summary>REDUNDANT_ACTION: an Action/NotAction value already covered by another value of the same list.</summary>
public sealed class RedundantActionRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "REDUNDANT_ACTION",
        Severity = DiagnosticSeverity.Suggestion,
        Category = LintCategory.Structure,
        Title = "An action already covered by another value of the same list",
        Description = "A value such as iam:GetUser next to iam:Get* (or the same action twice, in any case) adds nothing. It makes the list look more specific than it is: removing iam:GetUser later does not remove the permission.",
        Fix = "Remove the redundant value, or replace the wildcard by the actions that are really needed.",
        AccessAnalyzerCode = "REDUNDANT_ACTION",
    };

    public override LintRuleInfo Info => Definition;

    /// <summary>The literal service prefix ("iam" of "iam:Get*"); null for "*" and "*code*:Get*", which may cover any service.</summary>
    private static string? ServiceOf(string action) =>
        action.IndexOf(':') is var colon and > 0 && action.AsSpan(0, colon).IndexOfAny('*', '?') < 0 ? action[..colon] : null;

    private static bool HasWildcard(string action) => action.AsSpan().IndexOfAny('*', '?') >= 0;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            var values = statement.Statement.Actions.Values;
            if (values.Length < 2) continue;
            var redundancy = new Redundancy(values, Coverage.ActionCovers, StringComparer.OrdinalIgnoreCase, ServiceOf, HasWildcard);
            for (int j = 0; j < values.Length; j++)
            {
                int by = redundancy.CoveringIndex(j);
                if (by < 0) continue;
                context.Report(Definition, values[j].Span, statement.ActionPath(j),
                    $"\"{values[j].Value}\" is already covered by \"{values[by].Value}\" in the same {statement.ActionElement} list", $"remove \"{values[j].Value}\"");
            }
        }
    }
}
