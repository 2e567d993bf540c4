using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>MISSING_QUOTE_IN_VARIABLE: A policy variable default without single quotes.</summary>
public sealed class MissingQuoteInVariableRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "MISSING_QUOTE_IN_VARIABLE",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "A policy variable default without single quotes",
        Description = "A default value for a variable is written after a comma in single quotes: ${aws:PrincipalTag/team, 'none'}. Without the quotes it is not a valid default.",
        Fix = "put the default in single quotes: ${key, 'default'}",
        AccessAnalyzerCode = "MISSING_QUOTE_IN_VARIABLE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context) =>
        VariableSyntax.Report(context, Definition, VariableProblem.MissingQuote, text => $"\"{text}\": the default value must be in single quotes", "put the default in single quotes: ${key, 'default'}");
}
