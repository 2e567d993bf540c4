using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>TYPE_MISMATCH: an operator of one type on a condition key of another (Bool on a string key, IpAddress on a non-IP key).</summary>
public sealed class TypeMismatchRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "TYPE_MISMATCH",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Catalog,
        Title = "The operator's type does not match the condition key's type",
        Description = "Every condition key has a type (String, Numeric, Date, Bool, IP address, ARN, Binary) and is meant to be compared with operators of that type. Bool on a string key, IpAddress on a key that is not an address, a Date operator on a number: the request value is read as the wrong type and the comparison does not do what it says (it is false, or, negated, always true).",
        Fix = "Use the operator family the message names for the key.",
        AccessAnalyzerCode = "TYPE_MISMATCH",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var condition in statement.Statement.Conditions)
            {
                var key = condition.Key.Value;
                if (ConditionKeys.IsUncheckable(key) || ConditionKeys.Find(context.Catalog, key) is not { } definition) continue;
                if (ConditionKeys.Accepts(condition.Operator.Family, definition.ValueType, key)) continue;
                context.Report(Definition, condition.OperatorSpan, condition.JsonPath,
                    $"\"{condition.Operator.Name}\" compares {condition.Operator.Family} values, but \"{key}\" is of type {definition.Type}",
                    $"use {ConditionKeys.OperatorsFor(definition.ValueType)}");
            }
        }
    }
}
