namespace IamHarden.Analysis.Audit.Checks;

/// <summary>policy_attached_to_user: users get permissions through groups only (no inline or directly attached policies).</summary>
public sealed class PolicyAttachedToUser : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "policy_attached_to_user",
        Subject = "user",
        Severity = Severity.Low,
        Title = new("Users receive permissions only through groups", "사용자 권한은 그룹을 통해서만 부여됨"),
        Risk = new("Policies on individual users escape group-wide guardrails (MFA, IP restriction) and make reviews harder.",
            "개별 사용자에 연결된 정책은 그룹 단위 보호 장치(MFA, IP 제한)를 벗어나며 권한 검토를 어렵게 합니다."),
        Logic = "Fires for each user with inline policies or directly attached managed policies; the finding's fix lists the exact detach/delete commands.",
        Remediation = new("Move the user's policies to a group that carries the guardrails, add the user to it, and remove the user's own policies.",
            "사용자 정책을 보호 장치가 적용된 그룹으로 옮기고 사용자를 그룹에 추가한 뒤, 사용자에 직접 연결된 정책을 제거하십시오."),
        FixCommand = "aws iam add-user-to-group --group-name <GROUP> --user-name <USER>; aws iam detach-user-policy / delete-user-policy ...",
        GuideSection = "4",
        Cis = CheckMetadata.CisIds("1.15", "2.13"),
        IsmsP = ["2.5.1"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        foreach (var user in context.Users)
        {
            var names = user.InlinePolicies.Select(p => p.Name + " (inline)").Concat(user.AttachedPolicies.Select(p => p.Name)).ToList();
            if (names.Count == 0) continue;
            var fix = string.Join("\n", user.AttachedPolicies.Select(p => $"aws iam detach-user-policy --user-name {user.Name} --policy-arn {p.Arn}")
                .Concat(user.InlinePolicies.Select(p => $"aws iam delete-user-policy --user-name {user.Name} --policy-name {p.Name}")));
            yield return new Finding
            {
                Check = Definition,
                Subject = user.Arn,
                Message = new($"User {user.Name} has policies of its own: {string.Join(", ", names)}.",
                    $"사용자 {user.Name}에 직접 연결된 정책이 있습니다: {string.Join(", ", names)}."),
                FixCommand = "# after moving these permissions to a group:\n" + fix,
            };
        }
    }
}
