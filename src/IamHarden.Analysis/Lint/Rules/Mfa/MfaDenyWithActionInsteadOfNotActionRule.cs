using IamHarden.Analysis.Guardrails;
using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Mfa;

/// <summary>MFA_DENY_WITH_ACTION_INSTEAD_OF_NOT_ACTION: the MFA Deny lists the enrolment actions in Action, so it denies only them.</summary>
public sealed class MfaDenyWithActionInsteadOfNotActionRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "MFA_DENY_WITH_ACTION_INSTEAD_OF_NOT_ACTION",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.MfaTraps,
        Title = "MFA Deny lists the enrolment actions in Action instead of NotAction",
        Description = "The guide's MFA policy denies every action except the enrolment actions: they go in NotAction. Written with Action, the same list does the opposite: without MFA the Deny blocks only the enrolment actions, so users cannot set up MFA, while every other action stays allowed without it. The policy looks like the guide's and protects nothing.",
        Fix = "Rename \"Action\" to \"NotAction\" in this statement (and check the list with MFA_ENROLLMENT_ACTIONS_MISSING).",
    };

    /// <summary>Actions that only make sense as exceptions of the MFA Deny (plus the MFA removal actions).</summary>
    private static readonly HashSet<string> EnrolmentLike = new(
        EnrollmentActions.Recommended.Concat(["iam:DeactivateMFADevice", "iam:ListAccessKeys", "iam:ListUsers"]), StringComparer.OrdinalIgnoreCase);

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsDeny || statement.Statement.Actions.IsNegated || statement.Statement.Resources is { IsNegated: true }) continue;
            if (!MfaConditions.IsDenyWithoutMfa(statement)) continue;
            var listed = statement.Statement.Actions.Values.Select(v => v.Value).ToList();
            // Only a list made of enrolment actions, with several of the guide's among them, is the trap;
            // a Deny of iam:DeactivateMFADevice without MFA alone is a sensible policy of its own.
            if (!listed.All(EnrolmentLike.Contains)) continue;
            int guide = listed.Count(a => EnrollmentActions.Guide.Contains(a, StringComparer.OrdinalIgnoreCase));
            if (guide < 3) continue;
            context.Report(Definition, statement.Statement.Actions.Span, statement.PathOf("Action"),
                $"this Deny lists {listed.Count} MFA enrolment actions in \"Action\": without MFA it denies only those (users cannot enrol) and leaves every other action allowed",
                "write \"NotAction\" instead of \"Action\"");
        }
    }
}
