using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>MISSING_TAG_KEY_IN_CONDITION: a tag condition key without the tag's name ("aws:PrincipalTag" instead of "aws:PrincipalTag/team").</summary>
public sealed class MissingTagKeyInConditionRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "MISSING_TAG_KEY_IN_CONDITION",
        Severity = DiagnosticSeverity.Error,
        AwsManagedSeverity = DiagnosticSeverity.Warning,
        Category = LintCategory.Catalog,
        Title = "A tag condition key without the tag's name",
        Description = "Tag condition keys name the tag they test after a slash: aws:PrincipalTag/team, aws:ResourceTag/env, ec2:ResourceTag/owner. Written without it (aws:PrincipalTag, aws:ResourceTag/), the key is never present in a request: a positive condition on it is always false, a negated one always true.",
        Fix = "Add the tag's name after a slash: aws:PrincipalTag/team.",
        AccessAnalyzerCode = "MISSING_TAG_KEY_IN_CONDITION",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var condition in statement.Statement.Conditions)
            {
                var key = condition.Key.Value;
                if (ConditionKeys.IsUncheckable(key) || !ConditionKeys.LacksTagName(context.Catalog, key)) continue;
                var stem = key.TrimEnd('/');
                context.Report(Definition, condition.Key.Span, condition.JsonPath,
                    $"\"{key}\" names no tag, so it is never present in a request; a tag key needs the tag's name after a slash, as in \"{stem}/team\"",
                    $"write \"{stem}/TAG-NAME\" with the tag this condition is about");
            }
        }
    }
}
