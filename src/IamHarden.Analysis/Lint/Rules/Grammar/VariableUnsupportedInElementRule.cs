using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>VARIABLE_UNSUPPORTED_IN_ELEMENT: ${...} where AWS never substitutes it.</summary>
public sealed class VariableUnsupportedInElementRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "VARIABLE_UNSUPPORTED_IN_ELEMENT",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "A policy variable where AWS does not substitute it",
        Description = "Variables are substituted only in Resource/NotResource and in String, ARN and Bool condition values. In Action/NotAction, in a Principal and in a condition key the text ${...} stays literal, so the value matches nothing it was meant to: an action or key of that name does not exist.",
        Fix = "Move the variable to the Resource ARN or to a condition value (e.g. \"StringEquals\": {\"aws:PrincipalTag/team\": \"${aws:username}\"}).",
        AccessAnalyzerCode = "VARIABLE_UNSUPPORTED_IN_ELEMENT",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            var s = statement.Statement;
            for (int i = 0; i < s.Actions.Values.Length; i++)
            {
                var action = s.Actions.Values[i];
                if (HasVariable(action.Value))
                    context.Report(Definition, action.Span, statement.ActionPath(i), $"\"{action.Value}\": variables are never substituted in {statement.ActionElement}; this is literal text");
            }
            if (s.Principal is { } principal)
            {
                foreach (var entry in principal.Entries.Where(e => HasVariable(e.Value.Value)))
                    context.Report(Definition, entry.Value.Span, statement.PathOf(principal.IsNegated ? "NotPrincipal" : "Principal"), $"\"{entry.Value.Value}\": variables are never substituted in a Principal; this is literal text");
            }
            foreach (var condition in s.Conditions.Where(c => HasVariable(c.Key.Value)))
                context.Report(Definition, condition.Key.Span, condition.JsonPath, $"\"{condition.Key.Value}\": a condition key cannot contain a variable; this key is literal text and never present in a request");
        }
    }

    private static bool HasVariable(string text) => text.Contains("${", StringComparison.Ordinal);
}
