using IamHarden.Analysis.Replay;
using Spectre.Console;

namespace IamHarden.Cli.Rendering;

/// <summary>The replay for people: what was decided, whose calls would have been refused, and by what.</summary>
public static class ReplayTableRenderer
{
    public static void Render(IAnsiConsole console, ReplayReport report, int top)
    {
        console.Write(new Rule("[bold]IamHarden replay[/] — CloudTrail history against the proposed policies").LeftJustified());
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("Read", $"{report.EventsRead:N0} events in {report.FilesRead:N0} files" + (report.FirstEvent is { } first ? $", calls from {first:yyyy-MM-dd HH:mm} to {report.LastEvent:yyyy-MM-dd HH:mm} UTC" : ""));
        foreach (var p in report.Policies)
            summary.AddRow("Proposed", Markup.Escape($"{p.Policy.Name} ({Placement(p.Placement)}, {(p.PrincipalArns is null ? "every user replayed" : $"{p.PrincipalArns.Count} users")})"));
        summary.AddRow("Decided", $"{report.Evaluated:N0} calls by {report.Principals.Count:N0} principals");
        summary.AddRow("Not decided", Skipped(report));
        console.Write(summary);
        console.WriteLine();

        if (report.WouldBeDenied == 0)
        {
            console.MarkupLine(report.Evaluated == 0
                ? "[yellow]No call in the trail was decided: check --trail, --user and the groups the policies reach.[/]"
                : $"[green]None of the {report.Evaluated:N0} calls would have been refused.[/]");
            return;
        }
        var affected = report.Principals.Values.Count(p => p.WouldBeDenied > 0);
        console.MarkupLine($"[red bold]{report.WouldBeDenied:N0} of {report.Evaluated:N0} calls by {affected} principals would have been refused.[/]");
        console.WriteLine();

        var principals = new Table().Border(TableBorder.Rounded).Title("Principals whose calls would have been refused");
        foreach (var column in new[] { "Principal", "Calls", "Refused", "Refused by", "From", "First – last refused" }) principals.AddColumn(column);
        principals.Columns[1].RightAligned();
        principals.Columns[2].RightAligned();
        foreach (var p in report.Principals.Values.Where(p => p.WouldBeDenied > 0).OrderByDescending(p => p.WouldBeDenied).ThenBy(p => p.Arn, StringComparer.Ordinal))
            principals.AddRow(
                Markup.Escape(ShortName(p.Arn)),
                p.Evaluated.ToString("N0"),
                $"[red]{p.WouldBeDenied:N0}[/]",
                Markup.Escape(string.Join("\n", p.DeniedBy.OrderByDescending(d => d.Value).Select(d => $"{d.Key} ({d.Value:N0})"))),
                Markup.Escape(string.Join(", ", p.DeniedSourceAddresses)),
                $"{p.FirstDenied:yyyy-MM-dd} – {p.LastDenied:yyyy-MM-dd}");
        console.Write(principals);
        console.WriteLine();

        var groups = report.DeniedGroups.Values.OrderByDescending(g => g.Count).ThenBy(g => g.First).Take(top).ToList();
        var calls = new Table().Border(TableBorder.Rounded).Title($"Refused calls (top {groups.Count} of {report.DeniedGroups.Count} by principal and action)");
        foreach (var column in new[] { "Principal", "Action", "Calls", "Refused by", "Example" }) calls.AddColumn(column);
        calls.Columns[2].RightAligned();
        foreach (var g in groups)
        {
            var e = g.Example;
            calls.AddRow(
                Markup.Escape(ShortName(e.Request.Principal.Arn)),
                Markup.Escape(e.Request.Action),
                g.Count.ToString("N0"),
                Markup.Escape(e.DecidedBy),
                Markup.Escape($"{e.Record.EventTime:yyyy-MM-dd HH:mm} from {e.Record.SourceIpAddress ?? "?"} ({Credentials(e)})"));
        }
        console.Write(calls);

        var reproducible = groups.Select(g => g.Example).Where(e => ReplayCommandLine.For(e) is not null).Take(3).ToList();
        if (reproducible.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[grey]Reproduce a refusal (write generated policies first, e.g. `iamharden policy mfa -o Force_MFA.json`):[/]");
            foreach (var e in reproducible) console.MarkupLine($"  [grey]{Markup.Escape(ReplayCommandLine.For(e)!)}[/]");
        }
        if (report.EvaluatedWithoutResource > 0)
        {
            console.WriteLine();
            console.MarkupLine($"[grey]{report.EvaluatedWithoutResource:N0} calls name no resource in their records and were decided with Resource \"*\": exact for statements that apply to every resource (as the guide's policies do).[/]");
        }
    }

    /// <summary>The summary in one line (for jsonl, on standard error).</summary>
    public static string OneLine(ReplayReport report) =>
        $"replay: {report.EventsRead:N0} events in {report.FilesRead:N0} files; {report.Evaluated:N0} calls decided; {report.WouldBeDenied:N0} would have been refused; not decided: {Skipped(report)}";

    /// <summary>How the call was signed, as CloudTrail tells it.</summary>
    public static string Credentials(ReplayedEvent e)
    {
        var identity = e.Record.Identity;
        if (identity.UsesLongTermKey) return "access key, no MFA";
        if (e.Request.Context.Find("aws:ViaAWSService") is { } via && via[0] == "true") return "via " + (identity.InvokedBy ?? e.Record.SourceIpAddress);
        if (e.Record.VpcEndpointId is { } vpce) return $"session via {vpce}";
        return identity.MfaAuthenticated switch { "true" => "session with MFA", "false" => "session without MFA", _ => "session" };
    }

    private static string Skipped(ReplayReport report) =>
        report.Skipped.Count == 0 ? "none" : string.Join(", ", report.Skipped.OrderByDescending(s => s.Value).Select(s => $"{Describe(s.Key)} {s.Value:N0}"));

    public static string Describe(ReplaySkipReason reason) => reason switch
    {
        ReplaySkipReason.SignIn => "sign-in events",
        ReplaySkipReason.ServiceEvent => "AWS service events",
        ReplaySkipReason.NetworkActivity => "network-activity events",
        ReplaySkipReason.NeedsNoPermission => "calls that need no permission",
        ReplaySkipReason.ActionNotDerivable => "calls whose action cannot be derived",
        ReplaySkipReason.AlreadyDenied => "calls already denied",
        ReplaySkipReason.OtherPrincipal => "calls by other principals (roles, services, root; --include-roles)",
        ReplaySkipReason.OutOfScope => "calls by users the policies do not reach",
        ReplaySkipReason.OutsideWindow => "events outside --since/--until",
        ReplaySkipReason.Duplicate => "duplicate deliveries",
        _ => reason.ToString(),
    };

    public static string Placement(PolicyPlacement placement) => placement switch
    {
        PolicyPlacement.PermissionsBoundary => "permissions boundary",
        PolicyPlacement.ServiceControl => "SCP",
        _ => "identity policy",
    };

    private static string ShortName(string arn) => arn.StartsWith("arn:", StringComparison.Ordinal) && arn.Split(':', 6) is { Length: 6 } parts ? parts[5] : arn;
}
