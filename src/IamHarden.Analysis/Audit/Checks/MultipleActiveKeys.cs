namespace IamHarden.Analysis.Audit.Checks;

/// <summary>multiple_active_keys: a user has two active access keys.</summary>
public sealed class MultipleActiveKeys : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "multiple_active_keys",
        Subject = "user",
        Severity = Severity.Low,
        Title = new("Users have at most one active access key", "사용자당 활성 액세스 키는 최대 1개"),
        Risk = new("A second active key is usually a forgotten one from a rotation that never finished.",
            "두 번째 활성 키는 대개 마무리되지 않은 키 교체에서 잊힌 키입니다."),
        Logic = "Fires for each user whose two access keys are both active.",
        Remediation = new("Find which key is in use (its last-used date), deactivate the other, and delete it once nothing breaks.",
            "마지막 사용일로 사용 중인 키를 확인하고, 나머지 키를 비활성화한 뒤 문제가 없으면 삭제하십시오."),
        FixCommand = "aws iam update-access-key --user-name <USER> --access-key-id <UNUSED_KEY_ID> --status Inactive",
        GuideSection = "6",
        Cis = CheckMetadata.CisIds("1.13", null),
        IsmsP = ["2.5.3"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        foreach (var user in context.Users)
        {
            if (user.ActiveAccessKeys.Count() < 2) continue;
            yield return new Finding
            {
                Check = Definition,
                Subject = user.Arn,
                Message = LocalizedText.Later(() => $"User {user.Name} has two active access keys.", () => $"사용자 {user.Name}에 활성 액세스 키가 2개 있습니다."),
            };
        }
    }
}
