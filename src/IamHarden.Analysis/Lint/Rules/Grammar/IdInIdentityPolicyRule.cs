using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>ID_IN_IDENTITY_POLICY: the Id element in a policy IAM stores itself.</summary>
public sealed class IdInIdentityPolicyRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "ID_IN_IDENTITY_POLICY",
        Severity = DiagnosticSeverity.Suggestion,
        Category = LintCategory.Grammar,
        Title = "Id in an identity-based policy",
        Description = "The policy Id is used by some services' resource-based policies (SQS, SNS). IAM accepts it in identity-based policies but ignores it; it usually means the policy was copied from a resource policy and may carry other elements that do not belong here.",
        Fix = "Remove the Id element.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        if (context.Kind is PolicyKind.Resource or PolicyKind.Trust || context.Document.Id is not { } id) return;
        context.Report(Definition, id.Span, "Id", $"\"Id\" has no effect in a {context.Kind.CliName()} policy", "remove the Id element");
    }
}
