using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>INVALID_USER_REFERENCE: a user's unique ID (AIDA...) in Principal instead of its ARN.</summary>
public sealed class InvalidUserReferenceRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "INVALID_USER_REFERENCE",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Grammar,
        Title = "A user's unique ID in Principal",
        Description = "IAM stores a user named in a Principal by its unique ID (AIDA...) and shows that ID when the user is deleted. Writing the ID yourself ties the policy to that one user: if it is deleted and created again under the same name, it has a new ID and the policy no longer applies to it. Such IDs in a policy usually mean the policy was copied from one whose user has been deleted.",
        Fix = "Write the user's ARN (arn:aws:iam::ACCOUNT-ID:user/NAME); if the ID is what remains of a deleted user, remove it.",
        AccessAnalyzerCode = "INVALID_USER_REFERENCE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context) => PrincipalIds.Report(context, Definition, "AIDA", "user");
}
