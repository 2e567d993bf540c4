namespace IamHarden.Analysis.Audit.Checks;

/// <summary>automation_user: an IAM user with active access keys and no console password is automation that should use a role.</summary>
public sealed class AutomationUser : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "automation_user",
        Subject = "user",
        Severity = Severity.Medium,
        Title = new("Automation uses roles, not IAM users", "자동화는 IAM 사용자 대신 역할을 사용함"),
        Risk = new("Long-term access keys of CI/automation users leak through logs, images and repositories and never expire.",
            "CI/자동화 사용자의 장기 액세스 키는 로그·이미지·저장소를 통해 유출되기 쉽고 만료되지 않습니다."),
        Logic = "Fires for each user with an active access key and no console password (an API-only identity: a workload that should assume a role).",
        Remediation = new("Give the workload an IAM role (EC2/ECS/Lambda role, or OIDC federation for CI such as GitHub Actions), then delete the user's keys.",
            "워크로드에 IAM 역할(EC2/ECS/Lambda 역할 또는 GitHub Actions 같은 CI용 OIDC 페더레이션)을 부여한 뒤 사용자의 키를 삭제하십시오."),
        FixCommand = "aws iam create-open-id-connect-provider ... && aws iam create-role --assume-role-policy-document file://trust.json ...",
        GuideSection = "5",
        IsmsP = ["2.5.1", "2.5.3"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        foreach (var user in context.Users)
        {
            if (user.Credentials is null || user.HasConsolePassword || !user.HasActiveAccessKeys) continue;
            yield return new Finding
            {
                Check = Definition,
                Subject = user.Arn,
                Message = LocalizedText.Later(() => $"User {user.Name} has active access keys and no console password: an automation account that should be a role.",
                    () => $"사용자 {user.Name}은(는) 콘솔 비밀번호 없이 활성 액세스 키만 있는 자동화 계정으로, 역할로 전환해야 합니다."),
            };
        }
    }
}
