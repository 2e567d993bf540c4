using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>JSON_SYNTAX_ERROR: The file is not valid JSON (reported by the parser).</summary>
public sealed class JsonSyntaxErrorRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.JsonSyntaxError,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "The file is not valid JSON",
        Description = "The text cannot be read as JSON: a missing comma or quote, a trailing comma, a comment, an empty file, text that is not UTF-8, or nesting deeper than 64 levels. IAM rejects the policy and nothing else can be checked, so lint exits with code 2.",
        Fix = "Correct the JSON at the position given (a JSON formatter or `jq .` points at the same place). Policies are strict JSON: no comments, no trailing commas, UTF-8 text.",
        AccessAnalyzerCode = "JSON_SYNTAX_ERROR",
    };

    public override LintRuleInfo Info => Definition;
}
