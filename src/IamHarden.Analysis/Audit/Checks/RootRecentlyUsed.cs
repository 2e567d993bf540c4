namespace IamHarden.Analysis.Audit.Checks;

/// <summary>root_recently_used: the root user signed in or used keys within thresholds.rootUseDays.</summary>
public sealed class RootRecentlyUsed : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "root_recently_used",
        Subject = "account",
        Severity = Severity.High,
        Title = new("The root user is not used for daily work", "루트 사용자를 일상 업무에 사용하지 않음"),
        Risk = new("Every use of root exposes credentials that no policy can restrict; the guide asks to minimise its use.",
            "루트 사용은 정책으로 제한할 수 없는 자격 증명을 노출시키므로, 가이드는 루트 사용 최소화를 권고합니다."),
        Logic = "Fires when the root user's password or one of its access keys was last used within thresholds.rootUseDays before the audit time (--as-of), from the <root_account> row of the credential report.",
        Remediation = new("Do daily and administrative work as IAM users or roles with MFA; keep root for the few tasks that need it, and alert on its use.",
            "일상·관리 업무는 MFA가 적용된 IAM 사용자나 역할로 수행하고, 루트는 꼭 필요한 작업에만 사용하며 사용 시 경보를 설정하십시오."),
        FixCommand = "Create an administrators group with MFA enforced (iamharden policy mfa --group Admins) and a CloudWatch alarm on root sign-in (CIS 5.3)",
        GuideSection = "4",
        Cis = CheckMetadata.CisIds("1.7", "2.7"),
        IsmsP = ["2.5.5"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        var root = context.Snapshot.Root;
        if (root is null) yield break;
        var days = context.Config.Thresholds.RootUseDays;
        var uses = new[] { root.PasswordLastUsed }.Concat(root.AccessKeys.Select(k => k.LastUsed)).Where(d => d is not null).Select(d => d!.Value).ToList();
        if (uses.Count == 0) yield break;
        var last = uses.Max();
        var age = (context.AsOf - last).TotalDays;
        if (age <= days)
            yield return new Finding
            {
                Check = Definition,
                Subject = context.Snapshot.RootArn,
                Message = new($"The root user was last used on {last:yyyy-MM-dd} ({Math.Max(0, (int)age)} days before the audit; threshold {days}).",
                    $"루트 사용자가 {last:yyyy-MM-dd}에 마지막으로 사용되었습니다(감사 기준일 {Math.Max(0, (int)age)}일 전, 기준 {days}일)."),
            };
    }
}
