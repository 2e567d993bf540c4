using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>UNSUPPORTED_SPACE_IN_VARIABLE: A space inside a policy variable's key.</summary>
public sealed class UnsupportedSpaceInVariableRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "UNSUPPORTED_SPACE_IN_VARIABLE",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "A space inside a policy variable's key",
        Description = "AWS does not allow spaces in the key of a variable (${ aws:username } or ${aws: username}); only the default value after the comma may contain them.",
        Fix = "remove the spaces",
        AccessAnalyzerCode = "UNSUPPORTED_SPACE_IN_VARIABLE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context) =>
        VariableSyntax.Report(context, Definition, VariableProblem.Space, text => $"\"{text}\": a variable key cannot contain spaces", "remove the spaces");
}
