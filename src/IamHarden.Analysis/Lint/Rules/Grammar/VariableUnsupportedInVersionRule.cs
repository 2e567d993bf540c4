using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>VARIABLE_UNSUPPORTED_IN_VERSION: ${...} in a policy whose Version does not substitute variables.</summary>
public sealed class VariableUnsupportedInVersionRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "VARIABLE_UNSUPPORTED_IN_VERSION",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "A policy variable in a policy that is not Version 2012-10-17",
        Description = "Policy variables are substituted only in the 2012-10-17 language. With Version 2008-10-17, or without a Version, the text ${aws:username} is compared literally: a Resource such as arn:aws:iam::*:user/${aws:username} matches only a user literally named \"${aws:username}\", so the statement never applies to anybody. AWS accepts the policy; it just does not work.",
        Fix = "Set \"Version\": \"2012-10-17\".",
        AccessAnalyzerCode = "VARIABLE_UNSUPPORTED_IN_VERSION",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        if (context.SubstitutesVariables) return;
        var version = context.Document.Version == PolicyVersion.V2008_10_17 ? "Version 2008-10-17" : "a policy without Version";
        foreach (var statement in context.Statements)
        {
            foreach (var (value, path) in PolicyVariables.SubstitutableValues(statement))
            {
                var match = PolicyVariables.Reference().Match(value.Value);
                if (!match.Success) continue;
                context.Report(Definition, value.Span, path,
                    $"\"{match.Value}\" is literal text in {version}: \"{value.Value}\" matches only a value that contains these exact characters",
                    "set \"Version\": \"2012-10-17\" so the variable is substituted");
            }
        }
    }
}
