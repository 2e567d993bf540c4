using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Mfa;

/// <summary>MFA_ENROLLMENT_ACTIONS_MISSING: the MFA Deny's exception list lacks actions a user needs to enrol a device.</summary>
public sealed class MfaEnrollmentActionsMissingRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "MFA_ENROLLMENT_ACTIONS_MISSING",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.MfaTraps,
        Title = "The MFA Deny blocks actions a user needs to enrol an MFA device",
        Description = "The MFA policy denies everything except the actions in its NotAction list to users without MFA, and a user without a device has no MFA. Every action needed to set up a device must therefore be in the list: iam:CreateVirtualMFADevice, iam:EnableMFADevice, iam:GetUser, iam:ListMFADevices, iam:ListVirtualMFADevices, iam:ResyncMFADevice, sts:GetSessionToken, and iam:DeleteVirtualMFADevice, which the guide's list leaves out: a user whose first attempt fails (a mistyped code) is left with an unassigned device of the same name and cannot retry without it. A user who cannot enrol is locked out until an administrator steps in, and administrators under pressure tend to remove the guardrail.",
        Fix = "Add the missing actions to NotAction, or generate the recommended policy with `iamharden policy mfa`, which scopes the exceptions to the user's own resources.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!MfaEnrollment.IsMfaExceptionDeny(statement)) continue;
            var missing = MfaEnrollment.NotExcepted(statement, MfaEnrollment.DeviceActions);
            if (missing.Count == 0) continue;
            context.Report(Definition, statement.Statement.Actions.Span, statement.PathOf("NotAction"),
                $"without MFA this Deny also blocks what a user needs to enrol a device: {MfaEnrollment.Explain(missing)}",
                $"add {string.Join(", ", missing.Select(a => $"\"{a}\""))} to NotAction");
        }
    }
}
