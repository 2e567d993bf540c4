namespace IamHarden.Analysis.Audit.Checks;

/// <summary>credentials_unused: passwords and active access keys unused for thresholds.unusedCredentialDays (CIS: 45).</summary>
public sealed class CredentialsUnused : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "credentials_unused",
        Subject = "user",
        Severity = Severity.Medium,
        Title = new("Unused credentials are disabled", "사용하지 않는 자격 증명은 비활성화됨"),
        Risk = new("Credentials nobody uses are not watched by anybody: a leak goes unnoticed.",
            "아무도 사용하지 않는 자격 증명은 아무도 감시하지 않으므로 유출되어도 알아채기 어렵습니다."),
        Logic = "Fires for a console password not used for more than thresholds.unusedCredentialDays (never used: counted from when it was set), and for each active access key not used for that long (never used: counted from its creation). Break-glass users are exempt: they are unused by design.",
        Remediation = new("Delete the login profile or deactivate the access key; remove the user if it is no longer needed.",
            "로그인 프로필을 삭제하거나 액세스 키를 비활성화하고, 더 이상 필요 없는 사용자는 삭제하십시오."),
        FixCommand = "aws iam delete-login-profile --user-name <USER>; aws iam update-access-key --user-name <USER> --access-key-id <KEY_ID> --status Inactive",
        GuideSection = "6",
        Cis = CheckMetadata.CisIds("1.12", "2.11"),
        IsmsP = ["2.5.6"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        int days = context.Config.Thresholds.UnusedCredentialDays;
        foreach (var user in context.Users)
        {
            var credentials = user.Credentials;
            // A break-glass account is unused by design; break_glass_misconfigured holds it to its own rules.
            if (credentials is null || context.IsBreakGlass(user)) continue;
            List<(string En, string Ko)>? problems = null;
            List<string>? fixes = null;
            if (user.HasConsolePassword)
            {
                // Never used: measure from when the password was set (or the user created), so new users get their grace period.
                var since = credentials.PasswordLastUsed ?? credentials.PasswordLastChanged ?? credentials.UserCreationTime;
                if (since is { } s && (context.AsOf - s).TotalDays > days)
                {
                    (problems ??= []).Add(credentials.PasswordLastUsed is null
                        ? ($"the console password was never used (set {s:yyyy-MM-dd})", $"콘솔 비밀번호가 한 번도 사용되지 않음({s:yyyy-MM-dd} 설정)")
                        : ($"the console password was last used {s:yyyy-MM-dd}", $"콘솔 비밀번호 마지막 사용 {s:yyyy-MM-dd}"));
                    (fixes ??= []).Add($"aws iam delete-login-profile --user-name {user.Name}");
                }
            }
            foreach (var key in user.ActiveAccessKeys)
            {
                var since = key.LastUsed ?? key.LastRotated ?? credentials.UserCreationTime;
                if (since is not { } s || (context.AsOf - s).TotalDays <= days) continue;
                (problems ??= []).Add(key.LastUsed is null
                    ? ($"access key {key.Slot} was never used (created {s:yyyy-MM-dd})", $"액세스 키 {key.Slot}이(가) 한 번도 사용되지 않음({s:yyyy-MM-dd} 생성)")
                    : ($"access key {key.Slot} was last used {s:yyyy-MM-dd}", $"액세스 키 {key.Slot} 마지막 사용 {s:yyyy-MM-dd}"));
                (fixes ??= []).Add($"aws iam list-access-keys --user-name {user.Name}  # then: aws iam update-access-key --user-name {user.Name} --access-key-id <KEY_ID> --status Inactive");
            }
            if (problems is null || fixes is null) continue;
            yield return new Finding
            {
                Check = Definition,
                Subject = user.Arn,
                Message = LocalizedText.Later(() => $"User {user.Name} has credentials unused for more than {days} days: {string.Join("; ", problems.Select(p => p.En))}.",
                    () => $"사용자 {user.Name}에 {days}일 넘게 사용하지 않은 자격 증명이 있습니다: {string.Join("; ", problems.Select(p => p.Ko))}."),
                FixCommand = string.Join("\n", fixes.Distinct()),
            };
        }
    }
}
