using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>INVALID_ROLE_REFERENCE: a role's unique ID (AROA...) in Principal instead of its ARN.</summary>
public sealed class InvalidRoleReferenceRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "INVALID_ROLE_REFERENCE",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Grammar,
        Title = "A role's unique ID in Principal",
        Description = "IAM stores a role named in a Principal by its unique ID (AROA...) and shows that ID when the role is deleted. Writing the ID yourself ties the policy to that one role: if it is deleted and created again under the same name, it has a new ID and the policy no longer applies to it. Such IDs in a policy usually mean the policy was copied from one whose role has been deleted.",
        Fix = "Write the role's ARN (arn:aws:iam::ACCOUNT-ID:role/NAME); if the ID is what remains of a deleted role, remove it.",
        AccessAnalyzerCode = "INVALID_ROLE_REFERENCE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context) => PrincipalIds.Report(context, Definition, "AROA", "role");
}
