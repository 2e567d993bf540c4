using System.Text.Encodings.Web;
using System.Text.Json;
using IamHarden.Analysis.Prover.PolicyTests;
using IamHarden.Core.Evaluation;

namespace IamHarden.Cli.Rendering;

/// <summary>`verify --tests FILE --format json`: <c>{"file":"..","cases":[{name, kind, line, column, outcome, message, elapsedMs, decision?, verdict?, counterexample?}]}</c>.</summary>
public static class PolicyTestJsonWriter
{
    public static string Write(PolicyTestFile file, IReadOnlyList<PolicyTestResult> results)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("file", file.Path);
            json.WriteStartArray("cases");
            foreach (var result in results)
            {
                json.WriteStartObject();
                json.WriteString("name", result.Case.Name);
                json.WriteString("kind", result.Case is RequestTestCase ? "request" : "property");
                json.WriteNumber("line", result.Case.Line);
                json.WriteNumber("column", result.Case.Column);
                json.WriteString("outcome", result.Outcome switch { PolicyTestOutcome.Passed => "passed", PolicyTestOutcome.Failed => "failed", _ => "error" });
                json.WriteString("message", result.Message);
                json.WriteNumber("elapsedMs", Math.Round(result.Elapsed.TotalMilliseconds));
                if (result.Evaluation is { } evaluation) json.WriteString("decision", evaluation.Decision.AwsName());
                if (result.Proof is { } proof)
                {
                    json.WriteString("verdict", VerifyJsonWriter.Name(proof.Verdict));
                    if (proof.Counterexample is { } example) VerifyJsonWriter.WriteCounterexample(json, example, PolicyTestReplay.For(file, result)!);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
