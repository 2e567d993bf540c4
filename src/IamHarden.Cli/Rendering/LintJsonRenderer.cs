using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IamHarden.Cli.Commands;
using IamHarden.Core.Policy;

namespace IamHarden.Cli.Rendering;

/// <summary>
/// JSON output: <c>{"findings":[{code, severity, message, file, line, column, jsonPath, fix}], "summary":{...}}</c>,
/// findings in file order and, within a file, in source order.
/// </summary>
public static class LintJsonRenderer
{
    public static string Render(LintRun run)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (var finding in run.Results.SelectMany(r => r.Findings))
            {
                json.WriteStartObject();
                json.WriteString("code", finding.Code);
                json.WriteString("severity", PolicyDiagnostic.SeverityWord(finding.Severity));
                json.WriteString("message", finding.Message);
                json.WriteString("file", finding.File);
                json.WriteNumber("line", Math.Max(1, finding.Line));
                json.WriteNumber("column", Math.Max(1, finding.Column));
                json.WriteString("jsonPath", finding.JsonPath);
                if (finding.Fix is not null) json.WriteString("fix", finding.Fix);
                else json.WriteNull("fix");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("unreadableFiles");
            foreach (var failure in run.InputFailures)
            {
                json.WriteStartObject();
                json.WriteString("file", failure.File);
                json.WriteString("message", failure.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            var all = run.Results.SelectMany(r => r.Findings).ToList();
            json.WriteStartObject("summary");
            json.WriteNumber("files", run.Results.Count + run.InputFailures.Count);
            json.WriteNumber("errors", all.Count(f => f.Severity == DiagnosticSeverity.Error));
            json.WriteNumber("securityWarnings", all.Count(f => f.Severity == DiagnosticSeverity.SecurityWarning));
            json.WriteNumber("warnings", all.Count(f => f.Severity == DiagnosticSeverity.Warning));
            json.WriteNumber("suggestions", all.Count(f => f.Severity == DiagnosticSeverity.Suggestion));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
