using System.Text.Encodings.Web;
using System.Text.Json;
using IamHarden.Analysis.Prover;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Simulation;

namespace IamHarden.Cli.Rendering;

/// <summary>
/// `verify --format json`: <c>{"results":[{property, description, verdict, elapsedMs, reason?,
/// counterexample?}], "summary":{...}, "solver":".."}</c>; a counterexample carries the request
/// (principal, action, resource, context as `simulate` takes it, absentKeys), the evaluator's
/// decision with its reasons, and the `simulate` command line.
/// </summary>
public static class VerifyJsonWriter
{
    public static string Write(VerifyReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("results");
            foreach (var result in report.Results) WriteResult(json, report, result);
            json.WriteEndArray();
            json.WriteStartObject("summary");
            foreach (var verdict in Enum.GetValues<Verdict>()) json.WriteNumber(Name(verdict), report.Results.Count(r => r.Verdict == verdict));
            json.WriteEndObject();
            json.WriteString("principal", report.Principal.ToString());
            json.WriteString("solver", report.Solver);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static string Name(Verdict verdict) => verdict switch
    {
        Verdict.Proved => "proved",
        Verdict.Refuted => "refuted",
        Verdict.Unknown => "unknown",
        _ => "internalError",
    };

    private static void WriteResult(Utf8JsonWriter json, VerifyReport report, PropertyResult result)
    {
        json.WriteStartObject();
        json.WriteString("property", result.Property.Text);
        json.WriteString("description", result.Property.Description);
        json.WriteString("verdict", Name(result.Verdict));
        json.WriteNumber("elapsedMs", Math.Round(result.Elapsed.TotalMilliseconds));
        if (result.Reason is not null) json.WriteString("reason", result.Reason);
        if (result.Counterexample is { } example) WriteCounterexample(json, example, report.SimulateCommand(example));
        json.WriteEndObject();
    }

    public static void WriteCounterexample(Utf8JsonWriter json, ProverCounterexample example, string simulate)
    {
        var request = example.Request;
        json.WriteStartObject("counterexample");
        json.WriteString("principal", request.Principal.Arn);
        json.WriteString("action", request.Action);
        json.WriteString("resource", request.Resource);
        SimulationJson.WriteContext(json, request.Context);
        json.WriteStartArray("absentKeys");
        foreach (var key in example.AbsentKeys) json.WriteStringValue(key);
        json.WriteEndArray();
        json.WriteString("decision", example.Evaluation.Decision.AwsName());
        SimulationJson.WriteReasons(json, example.Evaluation);
        json.WriteString("simulate", simulate);
        json.WriteEndObject();
    }
}
