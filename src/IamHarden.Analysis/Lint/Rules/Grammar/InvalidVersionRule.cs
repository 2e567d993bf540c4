using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>INVALID_VERSION: Version is not 2012-10-17 or 2008-10-17 (reported by the parser).</summary>
public sealed class InvalidVersionRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.InvalidVersion,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "Version is not 2012-10-17 or 2008-10-17",
        Description = "The Version element names the policy language version, not the policy's own version or a date of your choosing. Only \"2012-10-17\" (current) and \"2008-10-17\" (legacy) exist; anything else is rejected.",
        Fix = "Write \"Version\": \"2012-10-17\".",
        AccessAnalyzerCode = "INVALID_VERSION",
    };

    public override LintRuleInfo Info => Definition;
}
