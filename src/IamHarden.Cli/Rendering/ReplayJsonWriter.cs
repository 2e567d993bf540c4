using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IamHarden.Analysis.Replay;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Simulation;

namespace IamHarden.Cli.Rendering;

/// <summary>`replay --format json`: the summary, each principal, and every group of refused calls with an example.</summary>
public static class ReplayJsonWriter
{
    public static string Write(ReplayReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("summary");
            json.WriteNumber("files", report.FilesRead);
            json.WriteNumber("events", report.EventsRead);
            json.WriteNumber("evaluated", report.Evaluated);
            json.WriteNumber("wouldBeDenied", report.WouldBeDenied);
            json.WriteNumber("evaluatedWithoutResource", report.EvaluatedWithoutResource);
            if (report.FirstEvent is { } first) json.WriteString("from", first.UtcDateTime);
            if (report.LastEvent is { } last) json.WriteString("to", last.UtcDateTime);
            json.WriteStartObject("skipped");
            foreach (var (reason, count) in report.Skipped.OrderBy(s => s.Key)) json.WriteNumber(JsonNamingPolicy.CamelCase.ConvertName(reason.ToString()), count);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("policies");
            foreach (var p in report.Policies)
            {
                json.WriteStartObject();
                json.WriteString("name", p.Policy.Name);
                json.WriteString("placement", p.Placement switch { PolicyPlacement.PermissionsBoundary => "boundary", PolicyPlacement.ServiceControl => "scp", _ => "identity" });
                if (p.PrincipalArns is { } arns) json.WriteNumber("principals", arns.Count); else json.WriteNull("principals");
                if (p.SourceFile is { } file) json.WriteString("file", file);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("principals");
            foreach (var p in report.Principals.Values.OrderByDescending(p => p.WouldBeDenied).ThenBy(p => p.Arn, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("principal", p.Arn);
                json.WriteNumber("evaluated", p.Evaluated);
                json.WriteNumber("wouldBeDenied", p.WouldBeDenied);
                if (p.WouldBeDenied > 0)
                {
                    json.WriteStartObject("deniedBy");
                    foreach (var (by, count) in p.DeniedBy.OrderByDescending(d => d.Value)) json.WriteNumber(by, count);
                    json.WriteEndObject();
                    json.WriteString("firstDenied", p.FirstDenied!.Value.UtcDateTime);
                    json.WriteString("lastDenied", p.LastDenied!.Value.UtcDateTime);
                    json.WriteStartArray("sourceAddresses");
                    foreach (var a in p.DeniedSourceAddresses) json.WriteStringValue(a);
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("denied");
            foreach (var g in report.DeniedGroups.Values.OrderByDescending(g => g.Count).ThenBy(g => g.First))
            {
                json.WriteStartObject();
                json.WriteString("principal", g.Example.Request.Principal.Arn);
                json.WriteString("action", g.Example.Request.Action);
                json.WriteString("deniedBy", g.Example.DecidedBy);
                json.WriteNumber("count", g.Count);
                json.WriteString("first", g.First.UtcDateTime);
                json.WriteString("last", g.Last.UtcDateTime);
                json.WritePropertyName("example");
                WriteEvent(json, g.Example);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    internal static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One refused call: where it is in the trail, the request as rebuilt, the decision and the command that reproduces it.</summary>
    internal static void WriteEvent(Utf8JsonWriter json, ReplayedEvent e)
    {
        json.WriteStartObject();
        json.WriteString("eventId", e.Record.EventId);
        json.WriteString("eventTime", e.Record.EventTime.UtcDateTime);
        json.WriteString("location", e.Record.Location);
        json.WriteString("principal", e.Request.Principal.Arn);
        json.WriteString("action", e.Request.Action);
        json.WriteString("resource", e.Request.Resource);
        json.WriteBoolean("resourceFromRecord", e.ResourceKnown);
        if (e.Record.SourceIpAddress is { } ip) json.WriteString("sourceIPAddress", ip);
        json.WriteString("credentials", ReplayTableRenderer.Credentials(e));
        json.WriteString("decision", e.Result.Decision.AwsName());
        json.WriteString("deniedBy", e.DecidedBy);
        SimulationJson.WriteReasons(json, e.Result);
        SimulationJson.WriteContext(json, e.Request.Context);
        if (ReplayCommandLine.For(e) is { } command) json.WriteString("simulate", command);
        json.WriteEndObject();
    }
}

/// <summary>`replay --format jsonl`: one compact line per refused call, written as it is found.</summary>
public sealed class ReplayJsonLinesWriter(Stream output) : IDisposable
{
    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });

    public void Write(ReplayedEvent e)
    {
        ReplayJsonWriter.WriteEvent(_json, e);
        _json.Flush();
        output.Write("\n"u8);
        _json.Reset();
    }

    public void Dispose()
    {
        _json.Dispose();
        output.Flush();
    }
}
