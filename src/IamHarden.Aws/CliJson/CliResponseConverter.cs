using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace IamHarden.Aws.CliJson;

/// <summary>
/// Turns a Query answer's result element into the JSON the AWS CLI prints, the way botocore's query parser does:
/// members in model order, absent members omitted, empty elements read as "" (strings) or [] (lists), integers and
/// booleans typed, timestamps per <see cref="CliTimestampFormat"/>, blobs re-encoded as base64, and policy documents
/// URL-decoded and parsed into objects (left as the original string when that fails, as the CLI does).
/// </summary>
internal sealed class CliResponseConverter(CliTimestampFormat timestampFormat)
{
    public JsonObject ConvertStructure(XElement element, CliStructure shape) => (JsonObject)Convert(element, shape);

    private JsonNode Convert(XElement element, CliShape shape) => shape switch
    {
        CliStructure structure => ConvertStructureCore(element, structure),
        CliList list => new JsonArray(element.Elements().Select(item => (JsonNode?)Convert(item, list.Member)).ToArray()),
        CliMap map => ConvertMap(element, map),
        CliScalar scalar => ConvertScalar(element.Value, scalar),
        _ => throw new InvalidOperationException($"Unknown shape {shape.GetType().Name}."),
    };

    private JsonObject ConvertStructureCore(XElement element, CliStructure shape)
    {
        // botocore looks members up by element name; when a name repeats, the first occurrence is the one that
        // stands for the member (repeats only happen for flattened lists, which IAM does not use).
        var children = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var child in element.Elements())
            children.TryAdd(child.Name.LocalName, child);
        var result = new JsonObject();
        foreach (var (name, memberShape) in shape.Members)
        {
            if (children.TryGetValue(name, out var child))
                result[name] = Convert(child, memberShape);
        }
        return result;
    }

    private JsonObject ConvertMap(XElement element, CliMap shape)
    {
        var result = new JsonObject();
        foreach (var entry in element.Elements())
        {
            string? key = null;
            JsonNode? value = null;
            foreach (var part in entry.Elements())
            {
                switch (part.Name.LocalName)
                {
                    case "key":
                        key = part.Value;
                        break;
                    case "value":
                        value = Convert(part, shape.Value);
                        break;
                    default:
                        throw new AwsProtocolException($"Unexpected <{part.Name.LocalName}> in a map entry.");
                }
            }
            if (key is null)
                throw new AwsProtocolException("A map entry has no <key>.");
            result[key] = value;
        }
        return result;
    }

    private JsonNode ConvertScalar(string text, CliScalar shape)
    {
        switch (shape.Kind)
        {
            case CliScalarKind.String:
                return JsonValue.Create(text);
            case CliScalarKind.Boolean:
                return JsonValue.Create(text == "true");
            case CliScalarKind.Integer:
                if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                    throw new AwsProtocolException($"Expected an integer in AWS's answer, got '{text}'.");
                return JsonValue.Create(number);
            case CliScalarKind.Timestamp:
                return JsonValue.Create(timestampFormat == CliTimestampFormat.Iso8601 ? PythonIsoTimestamp.Format(text) : text);
            case CliScalarKind.Blob:
                return JsonValue.Create(NormaliseBase64(text));
            case CliScalarKind.PolicyDocument:
                return PolicyDocumentDecoder.Decode(text);
            default:
                throw new InvalidOperationException($"Unknown scalar kind {shape.Kind}.");
        }
    }

    private static string NormaliseBase64(string text)
    {
        // The CLI decodes blobs to bytes and prints them base64-encoded again.
        try
        {
            return System.Convert.ToBase64String(System.Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return text;
        }
    }
}
