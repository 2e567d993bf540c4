using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Catalog;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>RESOURCE_TYPE_MISMATCH: an action none of the statement's resources can be a resource of.</summary>
public sealed class ResourceTypeMismatchRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "RESOURCE_TYPE_MISMATCH",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Catalog,
        Title = "An action that cannot apply to any of the statement's resources",
        Description = "Each action acts on particular resource types: s3:ListBucket on a bucket (arn:aws:s3:::b), s3:GetObject on an object (arn:aws:s3:::b/*), and actions without resource-level permissions such as iam:ListUsers only on \"*\". When none of the statement's Resource values can be a resource of the action, the statement never covers that action: an Allow does not grant it and a Deny does not deny it. The classic case is s3:ListBucket next to arn:aws:s3:::bucket/*.",
        Fix = "Add a Resource of the type the action needs (the message gives its ARN format), or move the action to a statement with \"Resource\": \"*\".",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (statement.Statement.Resources is not { IsNegated: false } resources || resources.Values.IsEmpty) continue;
            if (resources.Values.Any(r => r.Value == "*" || !r.Value.StartsWith("arn:", StringComparison.Ordinal))) continue;
            if (statement.Statement.Actions.IsNegated) continue;
            // A Region or account where the ARN has none is ARN_REGION/ACCOUNT_NOT_ALLOWED's, with a better fix.
            if (statement.Arns.Any(a => ArnFieldUse.Misplaced(context.Catalog, a.Arn, a.Value.Value).Count > 0)) continue;
            var arns = resources.Values.Select(v => v.Value).ToList();
            for (int i = 0; i < statement.Actions.Length; i++)
            {
                var pattern = statement.Actions[i];
                if (pattern.IsEverything || pattern.Matches.IsEmpty) continue;
                // A wildcard pattern is fine as long as one of its actions fits (s3:* on a bucket ARN).
                if (pattern.Matches.Any(a => CanApply(a, arns))) continue;
                string message;
                if (pattern.HasWildcard)
                    message = $"none of the {pattern.Matches.Length} actions \"{pattern.Text}\" matches can act on {Describe(arns)}";
                else if (pattern.Matches[0].IsWildcardOnly)
                    message = $"{pattern.Matches[0].FullName} has no resource-level permissions: it applies only to \"Resource\": \"*\", so this statement never covers it";
                else
                    message = $"{pattern.Matches[0].FullName} acts on {Types(pattern.Matches[0])}; {Describe(arns)} cannot be one, so this statement never covers it";
                context.Report(Definition, pattern.Value.Span, statement.ActionPath(i), message,
                    pattern.Matches[0].IsWildcardOnly && !pattern.HasWildcard ? "move it to a statement with \"Resource\": \"*\"" : null);
            }
        }
    }

    private static bool CanApply(ActionDefinition action, List<string> arns)
    {
        foreach (var type in action.ResourceTypes)
        {
            foreach (var arn in arns)
                if (type.ResourceType.Matches(arn)) return true;
        }
        return false;
    }

    private static string Types(ActionDefinition action) =>
        string.Join(" or ", action.ResourceTypes.Take(3).Select(t => $"{t.Name} ({t.ResourceType.ArnFormats[0]})")) + (action.ResourceTypes.Length > 3 ? " or ..." : "");

    private static string Describe(List<string> arns) =>
        arns.Count == 1 ? $"\"{arns[0]}\"" : $"any of the {arns.Count} resources";
}
