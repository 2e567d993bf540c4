using System.Text;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Snapshot;

/// <summary>
/// Parses the policy documents of a snapshot once per distinct text: real accounts repeat the
/// same inline policy on many principals, and a synthetic 10,000-user account even more so.
/// </summary>
internal sealed class PolicyDocumentCache
{
    private readonly Dictionary<string, PolicyParseResult> _byText = new(StringComparer.Ordinal);

    /// <summary>Parses a document given as JSON bytes, or as a (possibly URL-encoded) JSON string.</summary>
    public PolicyParseResult Parse(ReadOnlyMemory<byte> json, bool isEncodedString, string name, PolicyKind kind)
    {
        string text;
        if (isEncodedString)
        {
            // The API returns documents URL-encoded (RFC 3986); the CLI decodes them. Uri.UnescapeDataString
            // keeps a literal '+' (WebUtility.UrlDecode would turn it into a space).
            string quoted;
            try
            {
                quoted = System.Text.Json.JsonSerializer.Deserialize<string>(json.Span) ?? "";
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
            {
                // Not a readable string (invalid UTF-8): the parser reports the text as it is, with its position.
                quoted = Encoding.UTF8.GetString(json.Span);
            }
            text = quoted.TrimStart().StartsWith('{') ? quoted : Uri.UnescapeDataString(quoted);
        }
        else text = Encoding.UTF8.GetString(json.Span);
        var key = kind + "\u0000" + text;
        if (_byText.TryGetValue(key, out var cached)) return cached;
        var result = PolicyParser.Parse(text, name, kind);
        _byText[key] = result;
        return result;
    }
}
