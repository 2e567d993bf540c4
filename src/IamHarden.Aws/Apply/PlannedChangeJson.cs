using System.Text.Json;
using IamHarden.Core.Policy;

namespace IamHarden.Aws.Apply;

/// <summary>
/// The JSON form of a <see cref="PlannedChange"/>, shared by plan's output and the apply journal:
/// <c>{"action":"attachGroupPolicy","target":"&lt;ARN&gt;","guardrail":"mfa","policyArn":..,"policyName":..,"group":..,
/// "reason":..,"users":["&lt;user ARN&gt;",..]}</c>, plus <c>path</c>, <c>versionId</c>, <c>previousDefaultVersionId</c>,
/// <c>versionIdsBefore</c> and <c>document</c> (a JSON object) where the action has them.
/// </summary>
public static class PlannedChangeJson
{
    public static void Write(Utf8JsonWriter json, PlannedChange change)
    {
        json.WriteStartObject();
        json.WriteString("action", change.Action.JsonName());
        json.WriteString("target", change.Target);
        json.WriteString("guardrail", change.Guardrail.ConfigKey());
        json.WriteString("policyArn", change.PolicyArn);
        json.WriteString("policyName", change.PolicyName);
        if (change.GroupName is { } group) json.WriteString("group", group);
        if (change.Path is { } path) json.WriteString("path", path);
        if (change.VersionId is { } version) json.WriteString("versionId", version);
        if (change.PreviousDefaultVersionId is { } previous) json.WriteString("previousDefaultVersionId", previous);
        if (change.Action == ChangeAction.CreatePolicyVersion)
        {
            json.WriteStartArray("versionIdsBefore");
            foreach (var id in change.VersionIdsBefore) json.WriteStringValue(id);
            json.WriteEndArray();
        }
        json.WriteString("summary", change.Summary);
        json.WriteString("reason", change.Reason);
        json.WriteStartArray("users");
        foreach (var user in change.Users) json.WriteStringValue(user.Arn);
        json.WriteEndArray();
        if (change.DocumentJson is { } document)
        {
            json.WritePropertyName("document");
            if (IsJsonObject(document)) json.WriteRawValue(document, skipInputValidation: false);
            else json.WriteStringValue(document);
        }
        json.WriteEndObject();
    }

    /// <summary>Reads a change written by <see cref="Write"/> (user names are taken from the ARNs).</summary>
    public static PlannedChange Read(JsonElement element)
    {
        string? Text(string name) => element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        string Required(string name) => Text(name) ?? throw new FormatException($"a change lacks \"{name}\"");
        string? document = element.TryGetProperty("document", out var d)
            ? d.ValueKind == JsonValueKind.String ? d.GetString() : d.GetRawText()
            : null;
        var parsed = document is null ? null : PolicyParser.Parse(document, Required("policyName"));
        return new PlannedChange
        {
            Action = ChangeActionNames.Parse(Required("action")),
            Target = Required("target"),
            Guardrail = Required("guardrail") == "mfa" ? GuardrailKind.Mfa : GuardrailKind.IpRestriction,
            PolicyArn = Required("policyArn"),
            PolicyName = Required("policyName"),
            Reason = Text("reason") ?? "",
            GroupName = Text("group"),
            Path = Text("path"),
            VersionId = Text("versionId"),
            PreviousDefaultVersionId = Text("previousDefaultVersionId"),
            VersionIdsBefore = element.TryGetProperty("versionIdsBefore", out var ids) && ids.ValueKind == JsonValueKind.Array
                ? ids.EnumerateArray().Select(i => i.GetString() ?? "").ToList() : [],
            DocumentJson = document,
            Document = parsed is { HasErrors: false } ? parsed.Document : null,
            Users = element.TryGetProperty("users", out var users) && users.ValueKind == JsonValueKind.Array
                ? users.EnumerateArray().Select(u => u.GetString() ?? "").Select(arn => new AffectedUser(arn[(arn.LastIndexOf('/') + 1)..], arn)).ToList() : [],
        };
    }

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var parsed = JsonDocument.Parse(text);
            return parsed.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
