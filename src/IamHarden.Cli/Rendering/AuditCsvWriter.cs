using CsvHelper;
using IamHarden.Analysis.Audit;

namespace IamHarden.Cli.Rendering;

/// <summary>
/// One row per finding. Account-provided text (user names, tags, policy names) can start with
/// "=", "+", "-" or "@"; a spreadsheet would run such a cell as a formula (CSV injection), so
/// those fields are written with a leading apostrophe, which spreadsheets show as text.
/// </summary>
public static class AuditCsvWriter
{
    private static readonly string[] Header = ["check", "severity", "subject", "title", "message", "remediation", "references", "counterexample"];

    public static string Write(AuditReport report, string language)
    {
        var text = new StringWriter();
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, NewLine = "\n" };
        using (var csv = CsvWriter.Create(text, options, leaveOpen: true))
        {
            csv.WriteRecord(Header);
            foreach (var f in report.Findings)
            {
                csv.WriteRecord([
                    f.Check.Id,
                    f.Severity.Name(),
                    f.Subject,
                    f.Check.Title.In(language),
                    f.Message.In(language),
                    f.Check.Remediation.In(language),
                    string.Join("; ", f.Check.References()),
                    f.Counterexample is { } c ? SimulateCommandLine.For(report, c) : "",
                ]);
            }
        }
        return text.ToString();
    }
}
