namespace IamHarden.Analysis.Audit.Checks;

/// <summary>console_and_api_keys: a user has both a console password and active access keys.</summary>
public sealed class ConsoleAndApiKeys : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "console_and_api_keys",
        Subject = "user",
        Severity = Severity.Medium,
        Title = new("Console accounts and API accounts are separate", "콘솔 계정과 API 전용 계정을 분리함"),
        Risk = new("One user for both console and API widens what a single leaked credential opens, and long-term keys escape console-only controls.",
            "콘솔과 API를 한 사용자로 함께 쓰면 자격 증명 하나의 유출 피해가 커지고, 장기 키는 콘솔 전용 통제를 벗어납니다."),
        Logic = "Fires for each user with both a console password and an active access key.",
        Remediation = new("Keep humans on the console (with MFA; use 'aws sts get-session-token' or SSO for the CLI) and move programmatic access to roles; delete the user's access keys.",
            "사람은 MFA가 적용된 콘솔을 사용하고(CLI는 'aws sts get-session-token' 또는 SSO 사용), 프로그래밍 접근은 역할로 옮긴 뒤 사용자의 액세스 키를 삭제하십시오."),
        FixCommand = "aws iam delete-access-key --user-name <USER> --access-key-id <KEY_ID>",
        GuideSection = "5",
        Cis = CheckMetadata.CisIds("1.11", null),
        IsmsP = ["2.5.1"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        foreach (var user in context.Users)
        {
            if (!user.HasConsolePassword || !user.HasActiveAccessKeys) continue;
            yield return new Finding
            {
                Check = Definition,
                Subject = user.Arn,
                Message = LocalizedText.Later(() => $"User {user.Name} has a console password and {user.ActiveAccessKeys.Count} active access key(s).",
                    () => $"사용자 {user.Name}에 콘솔 비밀번호와 활성 액세스 키 {user.ActiveAccessKeys.Count}개가 함께 있습니다."),
            };
        }
    }
}
