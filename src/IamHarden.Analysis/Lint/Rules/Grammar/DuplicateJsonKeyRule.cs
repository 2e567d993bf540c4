using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>DUPLICATE_JSON_KEY: The same key appears twice in one JSON object (reported by the parser).</summary>
public sealed class DuplicateJsonKeyRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.DuplicateJsonKey,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "The same key appears twice in one JSON object",
        Description = "Two members of one object have the same name (two \"Effect\"s, the same condition operator twice in a Condition block). JSON parsers disagree on which one wins, so the policy can mean one thing to a reviewer or a tool and another to AWS: a known way to hide a grant. IAM rejects it.",
        Fix = "Merge the two members into one. For condition operators, put all keys of the operator in one object: {\"StringEquals\": {\"k1\": \"a\", \"k2\": \"b\"}}.",
    };

    public override LintRuleInfo Info => Definition;
}
