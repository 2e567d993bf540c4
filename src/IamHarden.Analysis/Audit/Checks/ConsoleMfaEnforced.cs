using IamHarden.Analysis.Audit.Access;

namespace IamHarden.Analysis.Audit.Checks;

/// <summary>
/// console_mfa_enforced: for a console user, every action outside the enrolment set is denied
/// without MFA — with aws:MultiFactorAuthPresent "false" (console session), and also absent when
/// the user has active access keys. Decided by evaluating the effective policies over every
/// action, never by policy names.
/// </summary>
public sealed class ConsoleMfaEnforced : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "console_mfa_enforced",
        Subject = "user",
        Severity = Severity.High,
        Title = new("MFA is enforced by policy for console users", "콘솔 사용자에게 정책으로 MFA가 강제됨"),
        Risk = new("Without an MFA-enforcing policy a user can work without MFA — including anyone holding the leaked password or the user's long-term access keys.",
            "MFA를 강제하는 정책이 없으면 사용자는 MFA 없이 작업할 수 있으며, 유출된 비밀번호나 장기 액세스 키를 가진 사람도 마찬가지입니다."),
        Logic = "For each console user, looks for a request the effective policies (inline, attached, every group's, the permissions boundary, --scp) allow without MFA for an action outside the recommended enrolment set: aws:MultiFactorAuthPresent \"false\" (a console session), and — when the user has active access keys — the key absent (long-term keys). Actions: one per class of catalog actions that the policies' patterns cannot tell apart (the enrolment actions each in a class of their own) plus unknown future actions; resources: those the policies name and sample ARNs; contexts varied over every condition value the policies use. The allowed request is the finding's counterexample. Names are never consulted. When a policy of the user could not be read the finding is info: undetermined.",
        Remediation = new("Attach the recommended Force_MFA policy (BoolIfExists, so access keys are covered too) to a group the user is in.",
            "권장 Force_MFA 정책(액세스 키도 차단하도록 BoolIfExists 사용)을 사용자가 속한 그룹에 연결하십시오."),
        FixCommand = "iamharden policy mfa --format terraform --group <GROUP>   # or: iamharden plan/apply with mfa.groups in the config",
        GuideSection = "2",
        Cis = CheckMetadata.CisIds("1.10", "2.10"),
        IsmsP = ["2.5.3"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        foreach (var user in context.Users)
        {
            if (!user.HasConsolePassword) continue;
            var kinds = user.HasActiveAccessKeys ? new[] { CredentialKind.ConsoleSession, CredentialKind.AccessKeys } : [CredentialKind.ConsoleSession];
            foreach (var kind in kinds)
            {
                var answer = context.AllowedWithoutMfa(user, kind);
                var how = kind == CredentialKind.ConsoleSession
                    ? ("a console session without MFA (aws:MultiFactorAuthPresent \"false\")", "MFA 없는 콘솔 세션(aws:MultiFactorAuthPresent \"false\")")
                    : ("long-term access keys (aws:MultiFactorAuthPresent absent)", "장기 액세스 키(aws:MultiFactorAuthPresent 없음)");
                if (answer.Kind == AccessAnswerKind.Found)
                {
                    yield return new Finding
                    {
                        Check = Definition,
                        Subject = user.Arn,
                        Message = LocalizedText.Later(() => $"User {user.Name} can work with {how.Item1}: {CounterexampleText.Describe(answer)} is allowed.",
                            () => $"사용자 {user.Name}은(는) {how.Item2}으로 작업할 수 있습니다: {CounterexampleText.Describe(answer)} 요청이 허용됩니다."),
                        Counterexample = CounterexampleText.From(answer, $"allowed with {how.Item1}", user),
                    };
                    break; // one finding per user: the console case already shows MFA is not enforced
                }
                if (answer.Kind == AccessAnswerKind.Unknown)
                {
                    yield return new Finding
                    {
                        Check = Definition,
                        Subject = user.Arn,
                        SeverityOverride = Severity.Info,
                        Message = LocalizedText.Later(() => $"Whether MFA is enforced for user {user.Name} could not be determined: {answer.Note}.",
                            () => $"사용자 {user.Name}의 MFA 강제 여부를 판단할 수 없습니다: {answer.Note}."),
                    };
                    break;
                }
            }
        }
    }
}
