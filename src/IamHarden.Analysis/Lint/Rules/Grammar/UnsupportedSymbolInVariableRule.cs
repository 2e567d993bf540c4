using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>UNSUPPORTED_SYMBOL_IN_VARIABLE: a character in a policy variable's key that no condition key has.</summary>
public sealed class UnsupportedSymbolInVariableRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "UNSUPPORTED_SYMBOL_IN_VARIABLE",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "A symbol inside a policy variable's key",
        Description = "The key of a policy variable is a condition key: letters, digits and : / _ . - (tag names may also hold @ = +). Any other symbol (${aws:user#name}, ${aws:username!}) makes a key no request has, so the variable never takes a value; AWS rejects such policies.",
        Fix = "Write the condition key exactly: ${aws:username}, ${aws:PrincipalTag/team}.",
        AccessAnalyzerCode = "UNSUPPORTED_SYMBOL_IN_VARIABLE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context) =>
        VariableSyntax.Report(context, Definition, VariableProblem.Symbol, text => $"\"{text}\": a variable key holds only letters, digits and : / _ . - @ = +", "write the condition key exactly, e.g. ${aws:username}");
}
