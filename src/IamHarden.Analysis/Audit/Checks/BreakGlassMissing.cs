namespace IamHarden.Analysis.Audit.Checks;

/// <summary>break_glass_missing: the configuration names break-glass users, and each of them exists in the account.</summary>
public sealed class BreakGlassMissing : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "break_glass_missing",
        Subject = "account",
        Severity = Severity.Medium,
        Title = new("A break-glass account exists", "비상(break-glass) 계정이 존재함"),
        Risk = new("When the VPN or the identity provider fails, the IP restriction locks every administrator out; without a break-glass account only root is left.",
            "VPN이나 ID 공급자가 장애를 일으키면 IP 제한으로 모든 관리자가 차단되며, 비상 계정이 없으면 루트만 남습니다."),
        Logic = "Fires when breakGlass.users is empty, and for each configured break-glass user that does not exist in the snapshot (a stale name protects nobody).",
        Remediation = new("Create a dedicated IAM user with a hardware MFA device and no access keys, keep it out of every IP-restricted group, store its credentials offline, alert on its use, and name it in breakGlass.users.",
            "하드웨어 MFA가 있고 액세스 키가 없는 전용 IAM 사용자를 만들어 IP 제한 그룹에서 제외하고, 자격 증명은 오프라인에 보관하며 사용 시 경보를 설정한 뒤 breakGlass.users에 등록하십시오."),
        FixCommand = "aws iam create-user --user-name break-glass && aws iam create-login-profile --user-name break-glass --password-reset-required ... (then assign a hardware MFA device)",
        GuideSection = "4",
        IsmsP = ["2.5.5", "2.12.1"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        var named = context.Config.BreakGlass.Users;
        if (named.Count == 0)
        {
            yield return new Finding
            {
                Check = Definition,
                Subject = context.Snapshot.RootArn,
                Message = new("No break-glass user is configured (breakGlass.users is empty).", "비상(break-glass) 사용자가 설정되어 있지 않습니다(breakGlass.users가 비어 있음)."),
            };
            yield break;
        }
        // A configured name that no longer exists protects nobody: the emergency plan points at a deleted account.
        foreach (var name in named.Where(n => context.Users.All(u => u.Name != n)))
            yield return new Finding
            {
                Check = Definition,
                Subject = context.Snapshot.RootArn,
                Message = new($"The configured break-glass user {name} does not exist in the account.",
                    $"설정된 비상 사용자 {name}이(가) 계정에 존재하지 않습니다."),
                FixCommand = $"aws iam create-user --user-name {name}   # or remove {name} from breakGlass.users",
            };
    }
}
