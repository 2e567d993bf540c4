using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IamHarden.Core.Policy;

/// <summary>
/// Writes a <see cref="PolicyDocument"/> as canonical JSON: elements in the documented order
/// (Version, Id, Statement; Sid, Effect, Principal, Action, Resource, Condition), principal
/// types in the order AWS, Service, Federated, CanonicalUser, condition operators and keys in
/// the author's order, two-space indentation, condition values as strings. Whatever the layout
/// and element order of the source, equal documents print equally, and parsing the output gives
/// back an equal document.
/// </summary>
public static class PolicyPrinter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Print(PolicyDocument document, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, indented ? Indented : Compact))
            Write(writer, document);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, PolicyDocument document)
    {
        writer.WriteStartObject();
        if (document.Version.Text() is { } version) writer.WriteString("Version", version);
        if (document.Id is { } id) writer.WriteString("Id", id.Value);
        writer.WritePropertyName("Statement");
        if (document.StatementWasArray || document.Statements.Length != 1) writer.WriteStartArray();
        foreach (var statement in document.Statements) WriteStatement(writer, statement);
        if (document.StatementWasArray || document.Statements.Length != 1) writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteStatement(Utf8JsonWriter writer, Statement s)
    {
        writer.WriteStartObject();
        if (s.Sid is { } sid) writer.WriteString("Sid", sid.Value);
        writer.WriteString("Effect", s.Effect == Effect.Allow ? "Allow" : "Deny");
        if (s.Principal is { } principal)
        {
            writer.WritePropertyName(principal.IsNegated ? "NotPrincipal" : "Principal");
            if (principal.IsWildcard) writer.WriteStringValue("*");
            else
            {
                writer.WriteStartObject();
                foreach (var group in principal.Entries.GroupBy(e => e.Type).OrderBy(g => g.Key))
                {
                    writer.WritePropertyName(group.Key.ToString());
                    WriteList(writer, group.Select(e => e.Value.Value).ToList(), group.Count() > 1);
                }
                writer.WriteEndObject();
            }
        }
        WriteValueList(writer, s.Actions, "Action", "NotAction");
        if (s.Resources is { } resources) WriteValueList(writer, resources, "Resource", "NotResource");
        if (s.Conditions.Length > 0)
        {
            writer.WritePropertyName("Condition");
            writer.WriteStartObject();
            foreach (var byOperator in s.Conditions.GroupBy(c => c.Operator.Name))
            {
                writer.WritePropertyName(byOperator.Key);
                writer.WriteStartObject();
                foreach (var c in byOperator)
                {
                    writer.WritePropertyName(c.Key.Value);
                    WriteList(writer, c.Values.Select(v => v.Value).ToList(), c.ValuesWereArray);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteValueList(Utf8JsonWriter writer, ValueList list, string positive, string negative)
    {
        writer.WritePropertyName(list.IsNegated ? negative : positive);
        WriteList(writer, list.Values.Select(v => v.Value).ToList(), list.WasArray);
    }

    private static void WriteList(Utf8JsonWriter writer, IReadOnlyList<string> values, bool asArray)
    {
        if (!asArray && values.Count == 1) { writer.WriteStringValue(values[0]); return; }
        writer.WriteStartArray();
        foreach (var v in values) writer.WriteStringValue(v);
        writer.WriteEndArray();
    }
}
