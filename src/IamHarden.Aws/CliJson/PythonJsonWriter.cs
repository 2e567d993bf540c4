using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IamHarden.Aws.CliJson;

/// <summary>
/// Writes JSON byte-for-byte as the AWS CLI's JSON output does (Python <c>json.dump(indent=4, ensure_ascii=False)</c>
/// followed by a newline): four-space indentation, <c>", "</c>-free item separators, <c>": "</c> after keys, empty
/// containers as <c>[]</c>/<c>{}</c>, non-ASCII text unescaped, and numbers printed as Python prints them.
/// </summary>
internal static class PythonJsonWriter
{
    public static string Serialize(JsonNode? node)
    {
        var output = new StringBuilder();
        Write(output, node, 0);
        output.Append('\n');
        return output.ToString();
    }

    private static void Write(StringBuilder output, JsonNode? node, int level)
    {
        switch (node)
        {
            case null:
                output.Append("null");
                break;
            case JsonObject obj:
                if (obj.Count == 0)
                {
                    output.Append("{}");
                    break;
                }
                output.Append('{');
                var firstProperty = true;
                foreach (var (key, value) in obj)
                {
                    output.Append(firstProperty ? "\n" : ",\n");
                    firstProperty = false;
                    Indent(output, level + 1);
                    WriteString(output, key);
                    output.Append(": ");
                    Write(output, value, level + 1);
                }
                output.Append('\n');
                Indent(output, level);
                output.Append('}');
                break;
            case JsonArray array:
                if (array.Count == 0)
                {
                    output.Append("[]");
                    break;
                }
                output.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    output.Append(i == 0 ? "\n" : ",\n");
                    Indent(output, level + 1);
                    Write(output, array[i], level + 1);
                }
                output.Append('\n');
                Indent(output, level);
                output.Append(']');
                break;
            case JsonValue value:
                WriteValue(output, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder output, JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
            WriteElement(output, element);
        else if (value.TryGetValue<string>(out var text))
            WriteString(output, text);
        else if (value.TryGetValue<bool>(out var flag))
            output.Append(flag ? "true" : "false");
        else if (value.TryGetValue<long>(out var integer))
            output.Append(integer.ToString(CultureInfo.InvariantCulture));
        else if (value.TryGetValue<int>(out var small))
            output.Append(small.ToString(CultureInfo.InvariantCulture));
        else if (value.TryGetValue<double>(out var real))
            output.Append(PythonNumber.FormatFloat(real));
        else
            throw new InvalidOperationException($"Cannot write JSON value of kind {value.GetValueKind()}.");
    }

    private static void WriteElement(StringBuilder output, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                output.Append(PythonNumber.FormatLiteral(element.GetRawText()));
                break;
            case JsonValueKind.String:
                WriteString(output, element.GetString()!);
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            case JsonValueKind.Null:
                output.Append("null");
                break;
            default:
                Write(output, JsonNode.Parse(element.GetRawText()), 0);
                break;
        }
    }

    /// <summary>Python's <c>encode_basestring</c>: escapes quote, backslash and control characters only.</summary>
    private static void WriteString(StringBuilder output, string text)
    {
        output.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                default:
                    if (c < 0x20)
                        output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        output.Append(c);
                    break;
            }
        }
        output.Append('"');
    }

    private static void Indent(StringBuilder output, int level) => output.Append(' ', level * 4);
}

/// <summary>Prints a JSON number literal the way Python prints the value <c>json.loads</c> made of it.</summary>
internal static class PythonNumber
{
    public static string FormatLiteral(string literal)
    {
        // Python parses a literal without fraction or exponent as an arbitrary-precision int.
        if (literal.IndexOfAny(['.', 'e', 'E']) < 0)
            return BigInteger.Parse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        return FormatFloat(double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, fixed notation for 1e-4 ≤ |x| &lt; 1e16.</summary>
    public static string FormatFloat(double value)
    {
        if (double.IsNaN(value))
            return "NaN";
        if (double.IsInfinity(value))
            return value > 0 ? "Infinity" : "-Infinity";

        // "E16" would not be shortest; "R" is, in the form d[.ddd]E±x or plain decimal. Normalise it to digits + exponent.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest.StartsWith('-');
        if (negative)
            shortest = shortest[1..];
        var exponent = 0;
        var ePosition = shortest.IndexOfAny(['E', 'e']);
        if (ePosition >= 0)
        {
            exponent = int.Parse(shortest[(ePosition + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            shortest = shortest[..ePosition];
        }
        var point = shortest.IndexOf('.');
        var digits = point < 0 ? shortest : shortest.Remove(point, 1);
        var integerDigits = point < 0 ? shortest.Length : point;
        // value = 0.digits × 10^decimalPoint
        var decimalPoint = integerDigits + exponent;
        var trimmed = digits.TrimStart('0');
        decimalPoint -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');
        if (digits.Length == 0)
            return (negative ? "-" : "") + "0.0";

        var scientificExponent = decimalPoint - 1;
        string body;
        if (scientificExponent is >= -4 and < 16)
        {
            if (decimalPoint <= 0)
                body = "0." + new string('0', -decimalPoint) + digits;
            else if (decimalPoint >= digits.Length)
                body = digits + new string('0', decimalPoint - digits.Length) + ".0";
            else
                body = digits[..decimalPoint] + "." + digits[decimalPoint..];
        }
        else
        {
            body = digits[..1] + (digits.Length > 1 ? "." + digits[1..] : "") + "e" +
                   (scientificExponent < 0 ? "-" : "+") + Math.Abs(scientificExponent).ToString("00", CultureInfo.InvariantCulture);
        }
        return (negative ? "-" : "") + body;
    }
}
