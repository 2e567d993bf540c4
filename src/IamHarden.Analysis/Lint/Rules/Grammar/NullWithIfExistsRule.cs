using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>NULL_WITH_IF_EXISTS: NullIfExists (reported by the parser).</summary>
public sealed class NullWithIfExistsRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.NullWithIfExists,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "NullIfExists",
        Description = "Null already tests whether the key exists, so IfExists cannot be added to it; IAM rejects NullIfExists.",
        Fix = "Write Null.",
        AccessAnalyzerCode = "NULL_WITH_IF_EXISTS",
    };

    public override LintRuleInfo Info => Definition;
}
