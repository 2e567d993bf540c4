namespace IamHarden.Analysis.Audit.Checks;

/// <summary>root_mfa_enabled: the root user has an MFA device.</summary>
public sealed class RootMfaEnabled : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "root_mfa_enabled",
        Subject = "account",
        Severity = Severity.Critical,
        Title = new("The root user has MFA enabled", "루트 사용자에 MFA가 활성화되어 있음"),
        Risk = new("Whoever learns the root password controls the whole account, and no policy can limit the root user.",
            "루트 비밀번호가 유출되면 계정 전체를 장악당하며, 어떤 정책으로도 루트 사용자를 제한할 수 없습니다."),
        Logic = "Fires when account-summary.json has AccountMFAEnabled 0 (without that key: when the credential report's <root_account> row has mfa_active false). Hardware and FIDO devices count: the summary covers every kind.",
        Remediation = new("Sign in as root and assign an MFA device (preferably a hardware key) under Security credentials.",
            "루트로 로그인하여 '보안 자격 증명'에서 MFA 디바이스(가급적 하드웨어 키)를 등록하십시오."),
        FixCommand = "AWS console (root) → Security credentials → Multi-factor authentication → Assign MFA device",
        GuideSection = "4",
        Cis = CheckMetadata.CisIds("1.5", "2.5"),
        IsmsP = ["2.5.3", "2.5.5"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        var summary = context.Snapshot.AccountSummary;
        bool enabled = summary.TryGetValue("AccountMFAEnabled", out var flag) ? flag == 1 : context.Snapshot.Root?.MfaActive == true;
        if (!enabled)
            yield return new Finding
            {
                Check = Definition,
                Subject = context.Snapshot.RootArn,
                Message = new("The root user has no MFA device.", "루트 사용자에 MFA 디바이스가 없습니다."),
            };
    }
}
