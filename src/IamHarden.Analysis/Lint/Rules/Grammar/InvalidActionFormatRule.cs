using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>INVALID_ACTION_FORMAT: An action is not "*" or "service:Action" (reported by the parser).</summary>
public sealed class InvalidActionFormatRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.InvalidAction,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "An action is not \"*\" or \"service:Action\"",
        Description = "Actions are written as the service prefix, a colon and the operation name (\"s3:GetObject\"), or \"*\". Values without a colon, with two colons or with spaces are rejected.",
        Fix = "Write the action as service:Operation, for example \"iam:ListUsers\".",
        AccessAnalyzerCode = "INVALID_ACTION",
    };

    public override LintRuleInfo Info => Definition;
}
