using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>UNSUPPORTED_RESOURCE: Resource in a role trust policy (reported by the parser).</summary>
public sealed class UnsupportedResourceRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.UnsupportedResource,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "Resource in a role trust policy",
        Description = "A role trust policy is about who may assume the role; the resource is always the role itself, so Resource/NotResource are not allowed.",
        Fix = "Remove Resource/NotResource from the trust policy.",
    };

    public override LintRuleInfo Info => Definition;
}
