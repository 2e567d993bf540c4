using System.Text.Json.Nodes;

namespace IamHarden.Aws.CliJson;

/// <summary>
/// Decodes IAM's URL-encoded policy documents the way the AWS CLI does (unquote, then JSON-parse; on failure the
/// original text is kept). <see cref="Uri.UnescapeDataString(string)"/> is used because, like Python's <c>unquote</c>, it
/// leaves <c>+</c> alone: a form decoder would turn a literal plus in a policy into a space.
/// </summary>
internal static class PolicyDocumentDecoder
{
    public static JsonNode Decode(string encoded)
    {
        var text = Uri.UnescapeDataString(encoded);
        return PythonJsonReader.TryParse(text, out var node) && node is not null ? node : JsonValue.Create(encoded);
    }

    /// <summary>The decoded JSON text, for callers that want the document as a string.</summary>
    public static string DecodeToText(string encoded) => Uri.UnescapeDataString(encoded);
}
