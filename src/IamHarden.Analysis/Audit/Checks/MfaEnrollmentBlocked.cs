using IamHarden.Analysis.Audit.Access;
using IamHarden.Analysis.Guardrails;

namespace IamHarden.Analysis.Audit.Checks;

/// <summary>
/// mfa_enrollment_blocked: a user without MFA is held to MFA but cannot perform the enrolment
/// actions on their own user and device — or, never having signed in, cannot change a password
/// that must be reset at first sign-in. Such users are locked out until an administrator steps in.
/// </summary>
public sealed class MfaEnrollmentBlocked : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "mfa_enrollment_blocked",
        Subject = "user",
        Severity = Severity.Medium,
        Title = new("Users without MFA can enrol a device", "MFA가 없는 사용자가 디바이스를 등록할 수 있음"),
        Risk = new("The MFA policy denies the very actions needed to set up MFA (or to change a must-reset password at first sign-in), so the user is locked out and administrators tend to remove the guardrail.",
            "MFA 정책이 MFA 등록(또는 최초 로그인 시 필수 비밀번호 변경)에 필요한 작업까지 거부하여 사용자가 잠기고, 관리자가 보호 장치를 제거하게 되는 경우가 많습니다."),
        Logic = "For each user without an MFA device whom the policies hold to MFA (console_mfa_enforced finds nothing), evaluates the guide's enrolment actions on the user's own user and MFA-device ARNs without MFA — plus iam:ChangePassword and iam:GetAccountPasswordPolicy for a console user who never signed in (a must-reset password) — and fires with the first that is denied in every context tried.",
        Remediation = new("Use the recommended Force_MFA policy: it exempts and allows the enrolment and password-change actions on the user's own resources only.",
            "권장 Force_MFA 정책을 사용하십시오. 사용자 자신의 리소스에 한해 등록 및 비밀번호 변경 작업을 예외로 허용합니다."),
        FixCommand = "iamharden policy mfa > force-mfa.json && aws iam create-policy-version --policy-arn <FORCE_MFA_ARN> --policy-document file://force-mfa.json --set-as-default",
        GuideSection = "2",
        IsmsP = ["2.5.3"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        foreach (var user in context.Users)
        {
            if (user.HasMfa || user.Credentials is null) continue;
            // Only users the policies hold to MFA: for the others, enrolment is not blocked by MFA enforcement.
            if (context.AllowedWithoutMfa(user, CredentialKind.ConsoleSession).Kind != AccessAnswerKind.None) continue;
            // A console user who never signed in may have to reset the password first.
            bool firstSignIn = user.HasConsolePassword && user.Credentials.PasswordLastUsed is null;
            var answer = context.EnrollmentDenied(user, firstSignIn);
            if (answer.Kind != AccessAnswerKind.Found) continue;
            var action = answer.Request!.Action;
            bool passwordReset = EnrollmentActions.PasswordReset.Contains(action, StringComparer.OrdinalIgnoreCase);
            var what = passwordReset
                ? ($"cannot change the password it must reset at first sign-in ({action} is denied without MFA)", $"최초 로그인 시 필수 비밀번호 변경을 할 수 없습니다(MFA 없이 {action}이(가) 거부됨)")
                : ($"cannot enrol an MFA device ({action} on its own user or device is denied without MFA)", $"MFA 디바이스를 등록할 수 없습니다(MFA 없이 자신의 사용자/디바이스에 대한 {action}이(가) 거부됨)");
            yield return new Finding
            {
                Check = Definition,
                Subject = user.Arn,
                Message = LocalizedText.Later(() => $"User {user.Name} has no MFA device and {what.Item1}.", () => $"사용자 {user.Name}은(는) MFA 디바이스가 없으며 {what.Item2}."),
                Counterexample = CounterexampleText.From(answer, "denied although the user needs it to enrol", user),
            };
        }
    }
}
