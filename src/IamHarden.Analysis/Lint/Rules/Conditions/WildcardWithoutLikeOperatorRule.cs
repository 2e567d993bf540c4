using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Conditions;

/// <summary>WILDCARD_WITHOUT_LIKE_OPERATOR: "*" or "?" in a StringEquals value, where it is literal.</summary>
public sealed class WildcardWithoutLikeOperatorRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "WILDCARD_WITHOUT_LIKE_OPERATOR",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Conditions,
        Title = "A wildcard in a value of an operator that does not expand wildcards",
        Description = "StringEquals, StringNotEquals and their IgnoreCase forms compare values exactly: \"*\" and \"?\" in their values are ordinary characters. \"StringEquals\": {\"aws:PrincipalTag/team\": \"admin-*\"} matches only the tag value \"admin-*\" itself.",
        Fix = "Use StringLike (or StringNotLike) for patterns.",
        AccessAnalyzerCode = "WILDCARD_WITHOUT_LIKE_OPERATOR",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var condition in statement.Statement.Conditions)
            {
                var kind = condition.Operator.Kind;
                if (kind is not (ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringNotEquals
                    or ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase)) continue;
                for (int i = 0; i < condition.Values.Length; i++)
                {
                    var value = condition.Values[i];
                    // ${*} and ${?} are the documented way to write the characters themselves.
                    var text = value.Value.Replace("${*}", "", StringComparison.Ordinal).Replace("${?}", "", StringComparison.Ordinal);
                    if (text.AsSpan().IndexOfAny('*', '?') < 0) continue;
                    var like = condition.Operator.Name.Replace("Equals", "Like", StringComparison.Ordinal).Replace("IgnoreCase", "", StringComparison.Ordinal);
                    context.Report(Definition, value.Span, Facts.StatementFacts.ConditionValuePath(condition, i),
                        $"\"{value.Value}\": \"{condition.Operator.Name}\" compares exactly, so the wildcard characters match only themselves",
                        $"use \"{like}\" if this is a pattern");
                }
            }
        }
    }
}
