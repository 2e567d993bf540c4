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

        var users = new TextTable(T("Users", "사용자"),
            [T("User", "사용자"), T("Console", "콘솔"), "MFA", T("MFA enforced", "MFA 강제"), T("IP restricted", "IP 제한"), T("Admin", "관리자"), T("Access keys", "액세스 키"), T("Last used", "마지막 사용"), T("Groups", "그룹")]);
        foreach (var u in report.Users)
        {
            var keys = u.ActiveKeys.Count == 0 ? "-" : string.Join(", ", u.ActiveKeys.Select(k => k.LastRotated is { } r ? $"{(int)(report.AsOf - r).TotalDays}d" : "?"));
            users.AddRow(
                u.User.Name + (u.IsBreakGlass ? " (break-glass)" : ""),
                YesNo(u.Console, good: null, ko),
                YesNo(u.MfaDevice, good: u.Console ? true : null, ko),
                Guard(u.MfaEnforced, ko),
                Guard(u.IpRestricted, ko, notRequired: !u.IsAdmin || u.IsBreakGlass),
                u.IsAdmin ? new TextTable.Cell(T("yes", "예"), Yellow) : "-",
                keys,
                u.LastUsed?.ToString("yyyy-MM-dd") ?? "-",
                string.Join(", ", u.Groups));
        }
        console.Write(users);
        console.WriteLine();

        if (report.Findings.Count == 0)
        {
            console.MarkupLine($"[green]{T("No findings.", "발견 사항이 없습니다.")}[/]");
            return;
        }
        var grey = Grey;
        foreach (var group in report.Findings.GroupBy(f => f.Severity).OrderBy(g => g.Key))
        {
            console.Write(new Rule($"[{Colour(group.Key)}]{SeverityName(group.Key, ko)} ({group.Count()})[/]").LeftJustified());
            // One block per severity: a large account has thousands of findings, written as plain
            // styled lines (see LineBlock), so no account string is ever read as markup.
            var lines = new LineBlock();
            foreach (var byCheck in group.GroupBy(f => f.Check.Id))
            {
                var check = byCheck.First().Check;
                lines.Add(check.Id, new Style(decoration: Decoration.Bold)).Add(" — " + check.Title.In(language) + "  ")
                    .Line(string.Join(", ", check.References()), grey);
                foreach (var f in byCheck)
                {
                    lines.Line("  • " + f.Message.In(language));
                    if (f.Counterexample is { } c)
                        lines.Line($"    {T("reproduce", "재현")}: {SimulateCommandLine.For(report, c)}", grey);
                    // A finding's own fix (the exact commands for this user or policy) is shown with it.
                    if (f.FixCommand is { } own)
                        foreach (var line in own.Split('\n')) lines.Line("    " + line, grey);
                }
                lines.Add("  ").Add(T("fix", "조치") + ":", new Style(Color.Green)).Line(" " + check.Remediation.In(language));
                if (check.FixCommand is not null && byCheck.All(f => f.FixCommand is null)) lines.Line("  " + check.FixCommand, grey);
            }
            console.Write(lines);
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

    private static readonly Style Green = new(Color.Green), Red = new(Color.Red), Grey = new(Color.Grey), Yellow = new(Color.Yellow);

    private static string Yes(bool ko) => ko ? "예" : "yes";
    private static string No(bool ko) => ko ? "아니요" : "no";

    private static TextTable.Cell YesNo(bool value, bool? good, bool ko) =>
        good is null ? (value ? Yes(ko) : "-") : value == good ? new TextTable.Cell(Yes(ko), Green) : new TextTable.Cell(No(ko), Red);

    private static TextTable.Cell Guard(GuardStatus status, bool ko, bool notRequired = false) => status switch
    {
        GuardStatus.Yes => new(Yes(ko), Green),
        GuardStatus.No => new(No(ko), notRequired ? Grey : Red),
        GuardStatus.NotApplicable => new(ko ? "해당 없음" : "n/a", Grey),
        _ => new("?", Yellow),
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
