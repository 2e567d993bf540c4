namespace IamHarden.Analysis.Audit.Checks;

/// <summary>root_access_keys_absent: the root user has no active access keys.</summary>
public sealed class RootAccessKeysAbsent : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "root_access_keys_absent",
        Subject = "account",
        Severity = Severity.Critical,
        Title = new("The root user has no access keys", "루트 사용자에 액세스 키가 없음"),
        Risk = new("Root access keys give unrestricted, policy-proof API access to the whole account, without MFA.",
            "루트 액세스 키는 MFA 없이 계정 전체에 대한 무제한 API 접근을 허용하며 정책으로 제한할 수 없습니다."),
        Logic = "Fires when account-summary.json has AccountAccessKeysPresent 1, or the <root_account> row of the credential report shows an active access key.",
        Remediation = new("Sign in as root, delete its access keys, and use IAM roles for programmatic access instead.",
            "루트로 로그인하여 액세스 키를 삭제하고, 프로그래밍 방식 접근에는 IAM 역할을 사용하십시오."),
        FixCommand = "AWS console (root) → Security credentials → Access keys → Delete",
        GuideSection = "4",
        Cis = CheckMetadata.CisIds("1.4", "2.4"),
        IsmsP = ["2.5.5"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        var snapshot = context.Snapshot;
        bool present = snapshot.AccountSummary.TryGetValue("AccountAccessKeysPresent", out var flag) && flag == 1;
        present |= snapshot.Root?.ActiveKeys.Any() == true;
        if (present)
            yield return new Finding
            {
                Check = Definition,
                Subject = snapshot.RootArn,
                Message = new("The root user has active access keys.", "루트 사용자에 활성 액세스 키가 있습니다."),
            };
    }
}
