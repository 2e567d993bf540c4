using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>MISSING_BRACE_IN_VARIABLE: A policy variable without its closing brace.</summary>
public sealed class MissingBraceInVariableRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "MISSING_BRACE_IN_VARIABLE",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "A policy variable without its closing brace",
        Description = "A policy variable is written ${key}. When the closing brace is missing the text is not a variable but literal characters, so the value matches nothing it was meant to.",
        Fix = "add the closing brace",
        AccessAnalyzerCode = "MISSING_BRACE_IN_VARIABLE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context) =>
        VariableSyntax.Report(context, Definition, VariableProblem.MissingBrace, text => $"\"{text}\" has no closing \"}}\"; it is literal text, not a variable", "add the closing brace");
}
