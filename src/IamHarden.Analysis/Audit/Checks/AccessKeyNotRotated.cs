namespace IamHarden.Analysis.Audit.Checks;

/// <summary>access_key_not_rotated: active access keys older than thresholds.accessKeyMaxAgeDays (CIS: 90).</summary>
public sealed class AccessKeyNotRotated : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "access_key_not_rotated",
        Subject = "user",
        Severity = Severity.Medium,
        Title = new("Access keys are rotated", "액세스 키가 주기적으로 교체됨"),
        Risk = new("The older a key, the more places it has been copied to, and the longer a leaked copy stays valid.",
            "키가 오래될수록 더 많은 곳에 복사되어 있고, 유출된 키가 오래 유효합니다."),
        Logic = "Fires for each active access key whose access_key_N_last_rotated is more than thresholds.accessKeyMaxAgeDays before the audit time.",
        Remediation = new("Create a new key, switch the workload to it, deactivate and then delete the old one — or better, replace the user with a role.",
            "새 키를 만들어 워크로드를 전환한 뒤 기존 키를 비활성화·삭제하거나, 사용자를 역할로 대체하십시오."),
        FixCommand = "aws iam create-access-key --user-name <USER>; aws iam update-access-key --user-name <USER> --access-key-id <OLD_KEY_ID> --status Inactive; aws iam delete-access-key --user-name <USER> --access-key-id <OLD_KEY_ID>",
        GuideSection = "6",
        Cis = CheckMetadata.CisIds("1.14", "2.12"),
        IsmsP = ["2.5.3"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        int maxAge = context.Config.Thresholds.AccessKeyMaxAgeDays;
        foreach (var user in context.Users)
        {
            foreach (var key in user.ActiveAccessKeys)
            {
                if (key.LastRotated is not { } rotated) continue;
                var age = (int)(context.AsOf - rotated).TotalDays;
                if (age <= maxAge) continue;
                yield return new Finding
                {
                    Check = Definition,
                    Subject = user.Arn,
                    Message = LocalizedText.Later(() => $"Access key {key.Slot} of user {user.Name} is {age} days old (created {rotated:yyyy-MM-dd}; limit {maxAge}).",
                        () => $"사용자 {user.Name}의 액세스 키 {key.Slot}이(가) {age}일 되었습니다({rotated:yyyy-MM-dd} 생성, 기준 {maxAge}일)."),
                };
            }
        }
    }
}
