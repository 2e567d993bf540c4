using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>EMPTY_VARIABLE: An empty policy variable ${}.</summary>
public sealed class EmptyVariableRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "EMPTY_VARIABLE",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "An empty policy variable ${}",
        Description = "A ${} with no key inside names no value; AWS does not accept it as a variable.",
        Fix = "write the key between the braces, e.g. ${aws:username}, or remove the ${}",
        AccessAnalyzerCode = "EMPTY_VARIABLE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context) =>
        VariableSyntax.Report(context, Definition, VariableProblem.Empty, text => $"\"{text}\" is an empty policy variable", "write the key between the braces, e.g. ${aws:username}, or remove the ${}");
}
