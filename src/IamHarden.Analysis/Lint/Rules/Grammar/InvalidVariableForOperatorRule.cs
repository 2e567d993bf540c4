using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>INVALID_VARIABLE_FOR_OPERATOR: A policy variable in a Numeric, Date, Binary, IP or Null condition (reported by the parser).</summary>
public sealed class InvalidVariableForOperatorRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.InvalidVariableForOperator,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "A policy variable in a Numeric, Date, Binary, IP or Null condition",
        Description = "Policy variables are only substituted in String, ARN and Bool condition values (and in Resource). In the other operator families the text ${...} is not a valid value.",
        Fix = "Use a literal value, or compare with a String operator if the variable is what you need.",
    };

    public override LintRuleInfo Info => Definition;
}
