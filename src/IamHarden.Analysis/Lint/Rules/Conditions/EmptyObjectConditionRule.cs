using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;
using IamHarden.Core.Policy.Syntax;

namespace IamHarden.Analysis.Lint.Rules.Conditions;

/// <summary>EMPTY_OBJECT_CONDITION: "Condition": {} or an operator with no keys.</summary>
public sealed class EmptyObjectConditionRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "EMPTY_OBJECT_CONDITION",
        Severity = DiagnosticSeverity.Suggestion,
        Category = LintCategory.Conditions,
        Title = "An empty Condition block or operator",
        Description = "\"Condition\": {} or an operator with no keys ({\"Bool\": {}}) adds no condition: the statement applies unconditionally. If a condition was meant to be there (the MFA or source-IP test), the statement is broader than intended.",
        Fix = "Write the condition that was meant, or remove the empty element.",
        AccessAnalyzerCode = "EMPTY_OBJECT_CONDITION",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (StatementSyntax.Find(context.Document, statement.Statement) is not { } obj) continue;
            var condition = obj.Members.FirstOrDefault(m => m.Name == "Condition");
            if (condition?.Value is not JsonObjectSyntax block) continue;
            if (block.Members.IsEmpty)
            {
                context.Report(Definition, condition.NameSpan, statement.PathOf("Condition"), "the Condition block is empty, so the statement applies without any condition");
                continue;
            }
            foreach (var op in block.Members)
            {
                if (op.Value is JsonObjectSyntax { Members.IsEmpty: true })
                    context.Report(Definition, op.NameSpan, statement.PathOf("Condition") + "." + op.Name, $"\"{op.Name}\" has no condition keys, so it adds no condition");
            }
        }
    }
}
