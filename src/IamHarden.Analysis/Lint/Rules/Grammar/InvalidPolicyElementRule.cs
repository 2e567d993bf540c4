using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>INVALID_POLICY_ELEMENT: Unknown policy or statement element (reported by the parser).</summary>
public sealed class InvalidPolicyElementRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.InvalidPolicyElement,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "Unknown policy or statement element",
        Description = "The policy or a statement has an element IAM does not know, often a misspelling or wrong case (\"effect\", \"Actions\", \"Condtion\"). Element names are case-sensitive; IAM rejects the policy.",
        Fix = "Use the element the message suggests. A policy has Version, Id and Statement; a statement has Sid, Effect, Principal/NotPrincipal, Action/NotAction, Resource/NotResource and Condition.",
    };

    public override LintRuleInfo Info => Definition;
}
