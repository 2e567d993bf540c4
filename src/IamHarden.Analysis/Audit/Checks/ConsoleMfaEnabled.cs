namespace IamHarden.Analysis.Audit.Checks;

/// <summary>console_mfa_enabled: every user with a console password has an MFA device.</summary>
public sealed class ConsoleMfaEnabled : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "console_mfa_enabled",
        Subject = "user",
        Severity = Severity.High,
        Title = new("Console users have an MFA device", "콘솔 사용자에 MFA 디바이스가 있음"),
        Risk = new("A console password alone opens the account to anyone who phishes or guesses it.",
            "콘솔 비밀번호만으로는 피싱이나 추측으로 계정이 탈취될 수 있습니다."),
        Logic = "Fires for each user whose credential-report row has password_enabled true and mfa_active false.",
        Remediation = new("Ask the user to assign an MFA device (Security credentials → Assign MFA device) and enforce it with the Force_MFA policy on their groups.",
            "사용자에게 MFA 디바이스 등록(보안 자격 증명 → MFA 디바이스 할당)을 안내하고, 그룹에 Force_MFA 정책을 연결해 강제하십시오."),
        FixCommand = "iamharden policy mfa --format terraform --group <GROUP>",
        GuideSection = "2",
        Cis = CheckMetadata.CisIds("1.10", "2.10"),
        IsmsP = ["2.5.3"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        foreach (var user in context.Users)
        {
            if (!user.HasConsolePassword || user.HasMfa) continue;
            yield return new Finding
            {
                Check = Definition,
                Subject = user.Arn,
                Message = LocalizedText.Later(() => $"User {user.Name} can sign in to the console with a password but has no MFA device.",
                    () => $"사용자 {user.Name}은(는) 비밀번호로 콘솔에 로그인할 수 있으나 MFA 디바이스가 없습니다."),
            };
        }
    }
}
