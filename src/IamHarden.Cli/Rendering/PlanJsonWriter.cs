using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IamHarden.Aws.Apply;

namespace IamHarden.Cli.Rendering;

/// <summary>
/// plan's JSON (PRODUCT.md): <c>{"changes":[{"action":"..","target":"&lt;ARN&gt;",..}],"account":..,"caller":..,"lockout":{..}}</c>.
/// The changes are in the order apply makes them; an account already in the desired state gives <c>"changes":[]</c>.
/// </summary>
public static class PlanJsonWriter
{
    public static string Write(PreparedApply prepared)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("changes");
            foreach (var change in prepared.Changes) PlannedChangeJson.Write(json, change);
            json.WriteEndArray();
            json.WriteString("account", prepared.State.AccountId);
            json.WriteStartObject("caller");
            json.WriteString("arn", prepared.Caller.Identity.Arn);
            json.WriteString("credentials", prepared.Caller.CredentialsName);
            if (prepared.Caller.SourceIp is { } ip) json.WriteString("sourceIp", ip.ToString());
            json.WriteString("sourceIpOrigin", prepared.Caller.SourceIpOrigin);
            json.WriteEndObject();
            json.WriteStartObject("lockout");
            json.WriteBoolean("safe", prepared.Verdict.IsSafe);
            json.WriteBoolean("callerRestrictedByLastChange", prepared.Verdict.CallerRestrictedByLastChange);
            json.WriteStartArray("problems");
            foreach (var problem in prepared.Verdict.Problems)
            {
                json.WriteStartObject();
                json.WriteString("code", problem.Code);
                json.WriteString("message", problem.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("notices");
            foreach (var notice in prepared.Verdict.Notices) json.WriteStringValue(notice);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
