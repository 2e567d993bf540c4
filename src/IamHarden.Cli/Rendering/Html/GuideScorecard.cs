using IamHarden.Analysis.Audit;

namespace IamHarden.Cli.Rendering.Html;

/// <summary>Green: nothing found; amber: only medium or low findings; red: a critical or high one; not checked: none of its checks ran.</summary>
public enum ScorecardStatus { Green, Amber, Red, NotChecked }

/// <summary>
/// One line of the guide's scorecard: a recommendation of the hardening guide, the checks that
/// test it, and what they found. <see cref="UsersAffected"/> counts distinct users named by those
/// findings; <see cref="OtherSubjects"/> are the rest (managed policies, groups, the account's
/// root user), by ARN; <see cref="Population"/> is how many users the recommendation is about,
/// from the user matrix, so a reader can weigh the number.
/// </summary>
public sealed record ScorecardItem(
    string Id,
    LocalizedText Title,
    IReadOnlyList<string> CheckIds,
    ScorecardStatus Status,
    int UsersAffected,
    IReadOnlyList<string> OtherSubjects,
    int Population,
    LocalizedText PopulationLabel)
{
    public int OtherSubjectsAffected => OtherSubjects.Count;
}

/// <summary>
/// The guide's seven recommendations (guide §4–§6: MFA for all console users, IP restriction for
/// admins, policies through groups, break-glass, root, roles for automation, credential hygiene)
/// judged from the audit's findings. The mapping of check ids to recommendations is data here and
/// documented in docs/REPORT.md; a check that fits none of them (full_admin_policy: least
/// privilege, which the guide's structure does not name) is listed by <see cref="UnmappedCheckIds"/>.
/// </summary>
public static class GuideScorecard
{
    private sealed record Definition(string Id, LocalizedText Title, string[] Checks, LocalizedText PopulationLabel, Func<UserStatus, bool>? InPopulation);

    private static readonly Definition[] Definitions =
    [
        new("mfa-console-users", new("MFA for all console users", "모든 콘솔 사용자 MFA"),
            ["console_mfa_enabled", "console_mfa_enforced", "mfa_enrollment_blocked"],
            new("console users", "콘솔 사용자"), u => u.Console),
        new("ip-restriction-admins", new("IP restriction for admins", "관리자 IP 제한"),
            ["ip_restriction_enforced", "ip_allowlist_too_broad", "ip_restriction_breaks_service_calls"],
            new("admins", "관리자"), u => u.IsAdmin && !u.IsBreakGlass),
        new("policies-through-groups", new("Policies through groups", "그룹을 통한 정책 적용"),
            ["policy_attached_to_user"],
            new("users", "사용자"), _ => true),
        new("break-glass", new("Break-glass account kept apart", "비상(break-glass) 계정 분리"),
            ["break_glass_missing", "break_glass_misconfigured"],
            new("break-glass users", "비상 계정"), u => u.IsBreakGlass),
        new("root", new("Root: MFA and minimal use", "루트: MFA와 최소 사용"),
            ["root_mfa_enabled", "root_hardware_mfa", "root_access_keys_absent", "root_recently_used"],
            new("root user", "루트 사용자"), null),
        new("roles-for-automation", new("Roles for automation", "자동화에는 역할 사용"),
            ["automation_user", "console_and_api_keys"],
            new("users with access keys", "액세스 키 보유 사용자"), u => u.ActiveKeys.Count > 0),
        new("credential-hygiene", new("Credential hygiene", "자격 증명 관리"),
            ["credentials_unused", "access_key_not_rotated", "multiple_active_keys", "password_policy_weak"],
            new("users with credentials", "자격 증명 보유 사용자"), u => u.Console || u.ActiveKeys.Count > 0),
    ];

    /// <summary>Every check id the scorecard reads, in scorecard order.</summary>
    public static IReadOnlyList<string> MappedCheckIds { get; } = Definitions.SelectMany(d => d.Checks).ToArray();

    /// <summary>The checks that ran but belong to no recommendation: they appear in the findings, not the scorecard.</summary>
    public static IReadOnlyList<string> UnmappedCheckIds(AuditReport report) =>
        report.ChecksRun.Select(c => c.Id).Where(id => !MappedCheckIds.Contains(id)).ToArray();

    public static IReadOnlyList<ScorecardItem> For(AuditReport report)
    {
        var ran = report.ChecksRun.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var users = report.Users.Select(u => u.User.Arn).ToHashSet(StringComparer.Ordinal);
        return Definitions.Select(definition =>
        {
            // The root user is not a row of the matrix: its recommendation is about exactly one principal.
            int population = definition.InPopulation is { } inPopulation ? report.Users.Count(inPopulation) : 1;
            if (!definition.Checks.Any(ran.Contains))
                return new ScorecardItem(definition.Id, definition.Title, definition.Checks, ScorecardStatus.NotChecked, 0, [], population, definition.PopulationLabel);

            var findings = report.Findings.Where(f => definition.Checks.Contains(f.Check.Id)).ToList();
            var subjects = findings.Select(f => f.Subject).Distinct(StringComparer.Ordinal).ToList();
            int usersAffected = subjects.Count(users.Contains);
            var status = findings.Any(f => f.Severity.IsAtLeast(Severity.High)) ? ScorecardStatus.Red
                : findings.Any(f => f.Severity.IsAtLeast(Severity.Low)) ? ScorecardStatus.Amber
                : ScorecardStatus.Green;
            return new ScorecardItem(definition.Id, definition.Title, definition.Checks, status,
                usersAffected, subjects.Where(s => !users.Contains(s)).ToList(), population, definition.PopulationLabel);
        }).ToList();
    }

    public static string Name(this ScorecardStatus status) => status switch
    {
        ScorecardStatus.Green => "green",
        ScorecardStatus.Amber => "amber",
        ScorecardStatus.Red => "red",
        _ => "not-checked",
    };
}
