using IamHarden.Analysis.Audit.Access;

namespace IamHarden.Analysis.Audit.Checks;

/// <summary>
/// break_glass_misconfigured: a configured break-glass user must be usable in an emergency and
/// safe the rest of the time: console password with MFA, no access keys, administrative access,
/// and not IP-restricted (it must work when the VPN is down).
/// </summary>
public sealed class BreakGlassMisconfigured : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "break_glass_misconfigured",
        Subject = "user",
        Severity = Severity.High,
        Title = new("The break-glass account is usable and protected", "비상(break-glass) 계정이 사용 가능하고 보호됨"),
        Risk = new("A break-glass account without MFA or with access keys is a standing back door; one that is IP-restricted fails exactly when the VPN does.",
            "MFA가 없거나 액세스 키가 있는 비상 계정은 상시 뒷문이 되며, IP 제한이 걸린 비상 계정은 VPN 장애 시 정작 사용할 수 없습니다."),
        Logic = "For each configured break-glass user that exists: fires when it has no console password, no MFA device, active access keys, no administrative access (the admin question of ip_restriction_enforced), or is IP-restricted (no request from outside allowedCidrs is allowed — it would fail with the VPN). One finding lists every problem.",
        Remediation = new("Give the break-glass user a console password and a hardware MFA device, delete its access keys, keep it out of IP-restricted groups, and give it administrative access.",
            "비상 사용자에 콘솔 비밀번호와 하드웨어 MFA를 설정하고, 액세스 키를 삭제하며, IP 제한 그룹에서 제외하고 관리자 권한을 부여하십시오."),
        FixCommand = "aws iam remove-user-from-group --group-name <IP_RESTRICTED_GROUP> --user-name <BREAK_GLASS_USER>",
        GuideSection = "4",
        IsmsP = ["2.5.5", "2.12.1"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        foreach (var user in context.Users.Where(context.IsBreakGlass))
        {
            var problems = new List<(string En, string Ko)>();
            if (user.Credentials is not null && !user.HasConsolePassword) problems.Add(("it has no console password, so it cannot sign in", "콘솔 비밀번호가 없어 로그인할 수 없음"));
            if (user.Credentials is not null && !user.HasMfa) problems.Add(("it has no MFA device", "MFA 디바이스가 없음"));
            if (user.HasActiveAccessKeys) problems.Add(("it has active access keys", "활성 액세스 키가 있음"));
            if (context.PrivilegedAccess(user).Kind == AccessAnswerKind.None)
                problems.Add(("it has no administrative access, so it cannot repair anything", "관리자 권한이 없어 복구 작업을 할 수 없음"));
            else if (context.AllowedRanges.Count > 0 && context.AllowedFromOutside(user).Kind == AccessAnswerKind.None)
                problems.Add(("it is IP-restricted: no request from outside the approved networks is allowed, so it fails when the VPN does",
                    "IP 제한이 걸려 있어 승인된 네트워크 밖에서는 어떤 요청도 허용되지 않으므로 VPN 장애 시 사용할 수 없음"));
            if (problems.Count == 0) continue;
            yield return new Finding
            {
                Check = Definition,
                Subject = user.Arn,
                Message = new($"Break-glass user {user.Name}: {string.Join("; ", problems.Select(p => p.En))}.",
                    $"비상 사용자 {user.Name}: {string.Join("; ", problems.Select(p => p.Ko))}."),
            };
        }
    }
}
