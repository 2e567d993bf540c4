using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>EMPTY_SID_VALUE: "Sid": "".</summary>
public sealed class EmptySidValueRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "EMPTY_SID_VALUE",
        Severity = DiagnosticSeverity.Suggestion,
        Category = LintCategory.Grammar,
        Title = "An empty Sid",
        Description = "The Sid is optional; an empty one names nothing and only makes findings, CloudTrail analysis and reviews harder to follow.",
        Fix = "Give the statement a name that says what it is for (\"DenyAllExceptListedIfNoMFA\"), or remove the Sid.",
        AccessAnalyzerCode = "EMPTY_SID_VALUE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (statement.Statement.Sid is { Value.Length: 0 } sid)
                context.Report(Definition, sid.Span, statement.PathOf("Sid"), "the Sid is an empty string", "remove \"Sid\": \"\" or name the statement");
        }
    }
}
