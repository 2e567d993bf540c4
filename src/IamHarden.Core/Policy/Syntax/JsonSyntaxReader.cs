using System.Collections.Immutable;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IamHarden.Core.Policy.Syntax;

/// <summary>
/// Reads UTF-8 JSON into a <see cref="JsonSyntax"/> tree with positions, using Utf8JsonReader
/// (strict JSON: no comments, no trailing commas, nesting bounded at 64 levels).
/// </summary>
public static partial class JsonSyntaxReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    /// <summary>Parses one complete JSON document. Throws <see cref="JsonSyntaxException"/> on bad input.</summary>
    public static JsonSyntax Parse(SourceText source)
    {
        var bytes = source.Utf8.Span;
        int bom = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            throw new JsonSyntaxException("the file is UTF-16 encoded; IAM policies must be UTF-8 JSON", source.SpanOf(0, 0));
        if (!Utf8.IsValid(bytes))
        {
            int bad = IamHarden.Core.Text.Utf8Validation.FirstInvalidByte(bytes);
            throw new JsonSyntaxException($"invalid UTF-8 byte 0x{bytes[bad]:X2}; the file must be UTF-8 text", source.SpanOf(bad, bad + 1));
        }
        if (bytes[bom..].Trim(" \t\r\n"u8).IsEmpty)
            throw new JsonSyntaxException("the file is empty; expected a JSON object", source.SpanOf(0, 0));

        if (OtherFormat(bytes[bom..]) is { } other)
            throw new JsonSyntaxException(other, source.SpanOf(bom, bom));

        var reader = new Utf8JsonReader(bytes[bom..], Options);
        try
        {
            if (!reader.Read()) throw new JsonSyntaxException("expected a JSON value", source.SpanOf(0, 0));
            var value = ReadValue(ref reader, source, bom);
            if (reader.Read())
                throw new JsonSyntaxException("unexpected text after the end of the JSON document",
                    source.SpanOf(bom + reader.TokenStartIndex, bom + reader.TokenStartIndex + 1));
            return value;
        }
        catch (JsonException ex)
        {
            throw new JsonSyntaxException(CleanMessage(ex.Message),
                source.SpanAtLineByte(ex.LineNumber ?? 0, (ex.BytePositionInLine ?? 0) + (ex.LineNumber == 0 ? bom : 0)));
        }
    }

    private static JsonSyntax ReadValue(ref Utf8JsonReader reader, SourceText source, int bom)
    {
        long start = bom + reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var members = ImmutableArray.CreateBuilder<JsonMemberSyntax>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    long nameStart = bom + reader.TokenStartIndex;
                    var name = reader.GetString()!;
                    // BytesConsumed already includes the colon after a name: the name ends at its closing quote.
                    var nameSpan = source.SpanOf(nameStart, nameStart + reader.ValueSpan.Length + 2);
                    reader.Read();
                    members.Add(new JsonMemberSyntax(name, nameSpan, ReadValue(ref reader, source, bom)));
                }
                return new JsonObjectSyntax(source.SpanOf(start, bom + reader.BytesConsumed), members.ToImmutable());
            }
            case JsonTokenType.StartArray:
            {
                var items = ImmutableArray.CreateBuilder<JsonSyntax>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader, source, bom));
                return new JsonArraySyntax(source.SpanOf(start, bom + reader.BytesConsumed), items.ToImmutable());
            }
            case JsonTokenType.String:
                return new JsonStringSyntax(source.SpanOf(start, bom + reader.BytesConsumed), reader.GetString()!);
            case JsonTokenType.Number:
                return new JsonNumberSyntax(source.SpanOf(start, bom + reader.BytesConsumed), Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new JsonBooleanSyntax(source.SpanOf(start, bom + reader.BytesConsumed), reader.TokenType == JsonTokenType.True);
            default:
                return new JsonNullSyntax(source.SpanOf(start, bom + reader.BytesConsumed));
        }
    }

    /// <summary>
    /// Text that is plainly another format (YAML, Terraform's HCL): said so at once, instead of
    /// "'A' is an invalid start of a value". Policies pasted from templates are a common mistake.
    /// </summary>
    private static string? OtherFormat(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.TrimStart(" \t\r\n"u8);
        if (start.IsEmpty || start[0] is (byte)'{' or (byte)'[' or (byte)'"') return null;
        var head = Encoding.UTF8.GetString(start[..Math.Min(start.Length, 4096)]);
        if (HclBlock().IsMatch(head))
            return "this is Terraform (HCL), not JSON; lint the policy JSON itself (the jsonencode() argument, or `terraform show -json` output)";
        if (head.StartsWith("---", StringComparison.Ordinal) || YamlKey().IsMatch(head))
            return head.Contains("AWSTemplateFormatVersion", StringComparison.Ordinal) || head.Contains("Resources:", StringComparison.Ordinal)
                ? "this is a CloudFormation template in YAML, not a JSON policy; lint the policy itself (its PolicyDocument) as JSON"
                : "this is YAML, not JSON; IAM policies are JSON documents";
        return null;
    }

    [GeneratedRegex("^(resource|data|provider|variable|module|locals|terraform)\\s+(\"|\\{)")]
    private static partial Regex HclBlock();

    [GeneratedRegex(@"^[A-Za-z_][\w.-]*:(\s|$)")]
    private static partial Regex YamlKey();

    /// <summary>
    /// System.Text.Json's message without its own position ("LineNumber: 0 | BytePositionInLine: 5.";
    /// ours is better) and, for the mistakes people make in policies, in plain words.
    /// </summary>
    internal static string CleanMessage(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:", " which is not supported in this mode", ". Change the reader options" })
        {
            int i = message.IndexOf(marker, StringComparison.Ordinal);
            if (i > 0) message = message[..i];
        }
        message = message.Trim();
        if (message.EndsWith('.')) message = message[..^1];
        if (message.Contains("trailing comma", StringComparison.Ordinal))
            message = "a comma before the closing bracket; JSON allows no trailing comma";
        else if (message.StartsWith("'/' is an invalid start of", StringComparison.Ordinal))
            message = "a comment; JSON has no comments";
        else if (message.StartsWith("''' is an invalid start of", StringComparison.Ordinal))
            message = "a single quote; JSON strings and names are in double quotes";
        else if (message.StartsWith("Expected depth to be zero", StringComparison.Ordinal))
            message = "the text ends before every { and [ is closed";
        else if (message.Contains("is invalid after a value. Expected either ','", StringComparison.Ordinal))
            message = "a comma is missing between two values (or a bracket before this)";
        return "invalid JSON: " + message;
    }
}
