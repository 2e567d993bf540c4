using IamHarden.Analysis.Audit;
using Spectre.Console;

namespace IamHarden.Cli.Rendering;

/// <summary>The audit for people: a summary, the per-user matrix, then the findings by severity.</summary>
public static class AuditTableRenderer
{
    public static void Render(IAnsiConsole console, AuditReport report, string language)
    {
        bool ko = language == "ko";
        string T(string en, string kr) => ko ? kr : en;

        console.Write(new Rule($"[bold]IamHarden audit[/] — {T("account", "계정")} {Markup.Escape(report.AccountId)}").LeftJustified());
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow(T("Audit time", "감사 기준 시각"), report.AsOf.ToString("yyyy-MM-dd HH:mm 'UTC'"));
        if (report.SnapshotTime is { } snapshotTime) summary.AddRow(T("Newest data in snapshot", "스냅샷 최신 데이터"), snapshotTime.ToString("yyyy-MM-dd HH:mm 'UTC'"));
        summary.AddRow(T("Score", "점수"), $"{report.Score}/100");
        summary.AddRow(T("Findings", "발견 사항"), string.Join("  ", Enum.GetValues<Severity>().Select(s => $"[{Colour(s)}]{SeverityName(s, ko)} {report.Count(s)}[/]")));
        summary.AddRow(T("Analysis", "분석 방법"), Markup.Escape(report.AnalysisMethod));
        console.Write(summary);
        console.WriteLine();

        var users = new Table().Border(TableBorder.Rounded).Title(T("Users", "사용자"));
        foreach (var column in new[] { T("User", "사용자"), T("Console", "콘솔"), "MFA", T("MFA enforced", "MFA 강제"), T("IP restricted", "IP 제한"), T("Admin", "관리자"), T("Access keys", "액세스 키"), T("Last used", "마지막 사용"), T("Groups", "그룹") })
            users.AddColumn(column);
        foreach (var u in report.Users)
        {
            var keys = u.ActiveKeys.Count == 0 ? "-" : string.Join(", ", u.ActiveKeys.Select(k => k.LastRotated is { } r ? $"{(int)(report.AsOf - r).TotalDays}d" : "?"));
            users.AddRow(
                Markup.Escape(u.User.Name) + (u.IsBreakGlass ? " [grey](break-glass)[/]" : ""),
                YesNo(u.Console, good: null, ko),
                YesNo(u.MfaDevice, good: u.Console ? true : null, ko),
                Guard(u.MfaEnforced, ko),
                Guard(u.IpRestricted, ko, notRequired: !u.IsAdmin || u.IsBreakGlass),
                u.IsAdmin ? $"[yellow]{T("yes", "예")}[/]" : "-",
                keys,
                u.LastUsed?.ToString("yyyy-MM-dd") ?? "-",
                Markup.Escape(string.Join(", ", u.Groups)));
        }
        console.Write(users);
        console.WriteLine();

        if (report.Findings.Count == 0)
        {
            console.MarkupLine($"[green]{T("No findings.", "발견 사항이 없습니다.")}[/]");
            return;
        }
        foreach (var group in report.Findings.GroupBy(f => f.Severity).OrderBy(g => g.Key))
        {
            console.Write(new Rule($"[{Colour(group.Key)}]{SeverityName(group.Key, ko)} ({group.Count()})[/]").LeftJustified());
            foreach (var byCheck in group.GroupBy(f => f.Check.Id))
            {
                var check = byCheck.First().Check;
                console.MarkupLine($"[bold]{Markup.Escape(check.Id)}[/] — {Markup.Escape(check.Title.In(language))}  [grey]{Markup.Escape(string.Join(", ", check.References()))}[/]");
                foreach (var f in byCheck)
                {
                    console.MarkupLine($"  • {Markup.Escape(f.Message.In(language))}");
                    if (f.Counterexample is { } c)
                        console.MarkupLine($"    [grey]{T("reproduce", "재현")}: {Markup.Escape(SimulateCommandLine.For(report, c))}[/]");
                    // A finding's own fix (the exact commands for this user or policy) is shown with it.
                    if (f.FixCommand is { } own)
                        foreach (var line in own.Split('\n')) console.MarkupLine($"    [grey]{Markup.Escape(line)}[/]");
                }
                console.MarkupLine($"  [green]{T("fix", "조치")}:[/] {Markup.Escape(check.Remediation.In(language))}");
                if (check.FixCommand is not null && byCheck.All(f => f.FixCommand is null)) console.MarkupLine($"  [grey]{Markup.Escape(check.FixCommand)}[/]");
            }
            console.WriteLine();
        }
    }

    private static string Colour(Severity severity) => severity switch
    {
        Severity.Critical => "bold red",
        Severity.High => "red",
        Severity.Medium => "yellow",
        Severity.Low => "blue",
        _ => "grey",
    };

    private static string Yes(bool ko) => ko ? "예" : "yes";
    private static string No(bool ko) => ko ? "아니요" : "no";

    private static string YesNo(bool value, bool? good, bool ko) =>
        good is null ? (value ? Yes(ko) : "-") : value == good ? $"[green]{Yes(ko)}[/]" : $"[red]{No(ko)}[/]";

    private static string Guard(GuardStatus status, bool ko, bool notRequired = false) => status switch
    {
        GuardStatus.Yes => $"[green]{Yes(ko)}[/]",
        GuardStatus.No => notRequired ? $"[grey]{No(ko)}[/]" : $"[red]{No(ko)}[/]",
        GuardStatus.NotApplicable => $"[grey]{(ko ? "해당 없음" : "n/a")}[/]",
        _ => "[yellow]?[/]",
    };

    private static string SeverityName(Severity severity, bool ko) => !ko ? severity.Name() : severity switch
    {
        Severity.Critical => "긴급",
        Severity.High => "높음",
        Severity.Medium => "중간",
        Severity.Low => "낮음",
        _ => "정보",
    };
}
