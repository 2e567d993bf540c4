using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IamHarden.Aws.CliJson;

/// <summary>
/// Parses JSON with the semantics of Python's <c>json.loads</c> where they differ from System.Text.Json's defaults:
/// a repeated key keeps its first position and takes the last value, numbers keep their literal text (so an
/// integer is printed back exactly and a float as Python would), and nesting is not artificially limited.
/// </summary>
internal static class PythonJsonReader
{
    public static bool TryParse(string text, out JsonNode? node)
    {
        node = null;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { MaxDepth = 1000 });
            if (!reader.Read())
                return false;
            node = ReadValue(ref reader);
            // Anything after the value (other than whitespace) makes the document invalid, as in Python.
            return !reader.Read();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            node = null;
            return false;
        }
    }

    private static JsonNode? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonObject();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    // Python's dict keeps the first position of a repeated key and the last value.
                    obj[name] = ReadValue(ref reader);
                }
                return obj;
            case JsonTokenType.StartArray:
                var array = new JsonArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    array.Add(ReadValue(ref reader));
                return array;
            case JsonTokenType.String:
                return JsonValue.Create(reader.GetString());
            case JsonTokenType.Number:
                using (var number = JsonDocument.Parse(reader.ValueSpan.ToArray()))
                    return JsonValue.Create(number.RootElement.Clone());
            case JsonTokenType.True:
                return JsonValue.Create(true);
            case JsonTokenType.False:
                return JsonValue.Create(false);
            case JsonTokenType.Null:
                return null;
            default:
                throw new JsonException($"Unexpected token {reader.TokenType}.");
        }
    }
}
