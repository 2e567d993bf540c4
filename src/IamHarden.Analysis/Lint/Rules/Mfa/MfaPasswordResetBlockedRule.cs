using IamHarden.Analysis.Guardrails;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Mfa;

/// <summary>MFA_PASSWORD_RESET_BLOCKED: the MFA Deny blocks changing a password that must be reset at first sign-in.</summary>
public sealed class MfaPasswordResetBlockedRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "MFA_PASSWORD_RESET_BLOCKED",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.MfaTraps,
        Title = "The MFA Deny blocks the password change a new user must make at first sign-in",
        Description = "A user created with \"must reset password at next sign-in\" (the console's default for new users) first signs in without MFA, because no device exists yet, and must change the password before anything else. With iam:ChangePassword and iam:GetAccountPasswordPolicy outside the NotAction list the Deny blocks exactly that, and no Allow can override an explicit Deny (not even AWS's IAMUserChangePassword policy): the user cannot finish signing in, so cannot reach the enrolment page either. The same happens to users whose password expired. AWS's own example has this gap and suggests either granting the group's permissions only after the first sign-in or adding both actions to NotAction.",
        Fix = "Add \"iam:ChangePassword\" and \"iam:GetAccountPasswordPolicy\" to NotAction and keep the exception to the user's own password with a Deny on other users (as `iamharden policy mfa` writes it), or create users without the reset requirement.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!MfaEnrollment.IsMfaExceptionDeny(statement)) continue;
            var missing = MfaEnrollment.NotExcepted(statement, EnrollmentActions.PasswordReset);
            if (missing.Count == 0) continue;
            context.Report(Definition, statement.Statement.Actions.Span, statement.PathOf("NotAction"),
                $"without MFA this Deny blocks {MfaEnrollment.Explain(missing)}: a new user who must reset the password at first sign-in is locked out",
                $"add {string.Join(", ", missing.Select(a => $"\"{a}\""))} to NotAction, limited to the user's own password");
        }
    }
}
