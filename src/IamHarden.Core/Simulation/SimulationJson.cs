using System.Text.Json;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Simulation;

/// <summary>The JSON form of a decision's reasons, shared by `simulate --output json` and `--explain` batches.</summary>
public static class SimulationJson
{
    public static void WriteReasons(Utf8JsonWriter json, EvaluationResult result)
    {
        if (result.Decision == Decision.ImplicitDeny)
            json.WriteString("implicitDenyReason", ReasonName(result.ImplicitDenyReason));
        json.WriteStartArray("matchedStatements");
        foreach (var s in result.MatchedStatements)
        {
            json.WriteStartObject();
            json.WriteString("policy", s.PolicyName);
            json.WriteString("policyType", s.PolicyKind.CliName());
            json.WriteNumber("statementIndex", s.StatementIndex);
            if (s.Sid is not null) json.WriteString("sid", s.Sid);
            json.WriteString("effect", s.Effect.ToString());
            if (s.Span.IsKnown)
            {
                json.WriteNumber("line", s.Span.Line);
                json.WriteNumber("column", s.Span.Column);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("missingContextValues");
        foreach (var key in result.MissingContextKeys) json.WriteStringValue(key);
        json.WriteEndArray();
    }

    /// <summary>A request's context as a "context" object, keys in ordinal order, list keys as arrays.</summary>
    public static void WriteContext(Utf8JsonWriter json, RequestContext context)
    {
        json.WriteStartObject("context");
        foreach (var (key, value) in context.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (value.IsList)
            {
                json.WriteStartArray(key);
                foreach (var v in value.Values) json.WriteStringValue(v);
                json.WriteEndArray();
            }
            else json.WriteString(key, value[0]);
        }
        json.WriteEndObject();
    }

    public static string ReasonName(ImplicitDenyReason reason) => reason switch
    {
        ImplicitDenyReason.NotAllowedByPermissionsBoundary => "permissionsBoundary",
        ImplicitDenyReason.NotAllowedByServiceControlPolicy => "serviceControlPolicy",
        ImplicitDenyReason.NotAllowedBySessionPolicy => "sessionPolicy",
        ImplicitDenyReason.NotAllowedByResourcePolicy => "resourcePolicy",
        _ => "noAllow",
    };
}
