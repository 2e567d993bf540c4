using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;
using IamHarden.Core.Text;

namespace IamHarden.Core.Simulation;

/// <summary>
/// Parses request lines of the simulate JSONL contract:
/// <c>{"id":"..","action":"..","resource":"..","context":{"k":"v","k2":["a","b"]},"principal":"arn..","policies":[{...}]}</c>.
/// A line that cannot be used (not UTF-8, not JSON, a field of the wrong type, a key given twice,
/// a policy AWS would reject) raises <see cref="BatchLineException"/> naming the line and column.
/// Inline policies are parsed once per distinct text and cached, because generated batches
/// repeat them; repeated strings and context values are shared between lines.
/// </summary>
public sealed class BatchLineParser(PrincipalIdentity defaultPrincipal, string? resourceAccount = null)
{
    private const int MaxCachedPolicies = 4096;
    private readonly Dictionary<string, CompiledPolicy> _policyCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PrincipalIdentity> _principalCache = new(StringComparer.Ordinal);
    private readonly Utf8ValueCache _strings = new();

    [Flags]
    private enum Field { None = 0, Id = 1, Action = 2, Resource = 4, Principal = 8, Context = 16, Policies = 32 }

    /// <summary>Parses one line (without its line break). Throws <see cref="BatchLineException"/> for an unusable line.</summary>
    public BatchRequest Parse(ReadOnlySpan<byte> line, long lineNumber)
    {
        string idJson = "null";
        if (!Utf8.IsValid(line))
        {
            int bad = Utf8Validation.FirstInvalidByte(line);
            throw new BatchLineException(idJson, $"line {lineNumber}, column {Column(line, bad)}: invalid UTF-8 byte 0x{line[bad]:X2}; request lines must be UTF-8");
        }
        string? action = null, resource = null;
        PrincipalIdentity principal = defaultPrincipal;
        var context = new RequestContext();
        List<CompiledPolicy>? policies = null;
        var seen = Field.None;
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new BatchLineException(idJson, $"line {lineNumber}, column 1: expected a JSON object such as {{\"id\":\"1\",\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\",\"context\":{{}}}}");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var field = reader.ValueTextEquals("id"u8) ? Field.Id
                    : reader.ValueTextEquals("action"u8) ? Field.Action
                    : reader.ValueTextEquals("resource"u8) ? Field.Resource
                    : reader.ValueTextEquals("principal"u8) ? Field.Principal
                    : reader.ValueTextEquals("context"u8) ? Field.Context
                    : reader.ValueTextEquals("policies"u8) ? Field.Policies
                    : Field.None;
                // Two values for one field: which one a reader keeps differs between JSON parsers; refuse.
                if (field != Field.None && (seen & field) != 0)
                    throw Error(idJson, lineNumber, line, reader.TokenStartIndex, $"\"{reader.GetString()}\" is given twice; give each field once");
                seen |= field;
                reader.Read();
                switch (field)
                {
                    case Field.Id:
                        idJson = reader.TokenType is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.Null
                            ? Encoding.UTF8.GetString(line[(int)reader.TokenStartIndex..(int)reader.BytesConsumed])
                            : throw Error("null", lineNumber, line, reader.TokenStartIndex, "\"id\" must be a string or a number");
                        break;
                    case Field.Action: action = ReadString(ref reader, "action", idJson, lineNumber, line); break;
                    case Field.Resource: resource = ReadString(ref reader, "resource", idJson, lineNumber, line); break;
                    case Field.Principal:
                        var arn = ReadString(ref reader, "principal", idJson, lineNumber, line);
                        if (!_principalCache.TryGetValue(arn, out principal!))
                        {
                            if (!PrincipalIdentity.TryParse(arn, out principal))
                                throw Error(idJson, lineNumber, line, reader.TokenStartIndex, $"\"principal\" is not a principal ARN: \"{arn}\"; expected e.g. arn:aws:iam::123456789012:user/alice");
                            _principalCache[arn] = principal;
                        }
                        break;
                    case Field.Context: ReadContext(ref reader, context, idJson, lineNumber, line); break;
                    case Field.Policies: policies = ReadPolicies(ref reader, line, idJson, lineNumber); break;
                    default: reader.Skip(); break;
                }
            }
        }
        catch (JsonException ex)
        {
            throw new BatchLineException(idJson, $"line {lineNumber}, column {Column(line, (int)(ex.BytePositionInLine ?? 0))}: {Policy.Syntax.JsonSyntaxReader.CleanMessage(ex.Message)}");
        }
        if (action is null) throw new BatchLineException(idJson, $"line {lineNumber}: \"action\" is missing; every request needs one, e.g. \"action\":\"s3:GetObject\"");
        if ((AuthorizationRequest.ActionProblem(action) ?? AuthorizationRequest.ResourceProblem(resource ?? "*")) is { } problem)
            throw new BatchLineException(idJson, $"line {lineNumber}: {problem}");
        var request = new AuthorizationRequest(principal, action, resource ?? "*", context) { ResourceAccount = resourceAccount };
        return new BatchRequest(idJson, request, policies);
    }

    private string ReadString(ref Utf8JsonReader reader, string field, string idJson, long lineNumber, ReadOnlySpan<byte> line)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw Error(idJson, lineNumber, line, reader.TokenStartIndex, $"\"{field}\" must be a string");
        return reader.ValueIsEscaped ? reader.GetString()! : _strings.GetString(reader.ValueSpan);
    }

    private void ReadContext(ref Utf8JsonReader reader, RequestContext context, string idJson, long lineNumber, ReadOnlySpan<byte> line)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Error(idJson, lineNumber, line, reader.TokenStartIndex, "\"context\" must be an object of keys to strings or arrays of strings");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            long keyStart = reader.TokenStartIndex;
            var key = reader.ValueIsEscaped ? reader.GetString()! : _strings.GetString(reader.ValueSpan);
            // Keys are case-insensitive (spec §5.2): "aws:SourceIp" and "AWS:sourceip" are the same key.
            if (context.Contains(key))
                throw Error(idJson, lineNumber, line, keyStart, $"context key \"{key}\" is given twice (keys are case-insensitive); give each key once");
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
                context.Set(key, reader.ValueIsEscaped ? ContextValue.Single(reader.GetString()!) : _strings.GetSingleValue(reader.ValueSpan));
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                var values = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.String)
                        throw Error(idJson, lineNumber, line, reader.TokenStartIndex, $"context key \"{key}\" must hold strings only");
                    values.Add(reader.ValueIsEscaped ? reader.GetString()! : _strings.GetString(reader.ValueSpan));
                }
                context.SetList(key, values);
            }
            else throw Error(idJson, lineNumber, line, reader.TokenStartIndex, $"context key \"{key}\" must be a string or an array of strings (write numbers and booleans as strings, e.g. \"true\")");
        }
    }

    private List<CompiledPolicy> ReadPolicies(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string idJson, long lineNumber)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw Error(idJson, lineNumber, line, reader.TokenStartIndex, "\"policies\" must be an array of policy documents");
        var result = new List<CompiledPolicy>();
        int index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            int start = (int)reader.TokenStartIndex;
            reader.Skip();
            result.Add(CompileCached(line, start, (int)reader.BytesConsumed, $"line {lineNumber} policy #{index}", idJson, lineNumber));
            index++;
        }
        return result;
    }

    private CompiledPolicy CompileCached(ReadOnlySpan<byte> line, int start, int end, string name, string idJson, long lineNumber)
    {
        var bytes = line[start..end];
        var key = bytes.Length <= 2048 ? Encoding.UTF8.GetString(bytes) : Convert.ToHexString(SHA256.HashData(bytes));
        if (_policyCache.TryGetValue(key, out var cached)) return cached;
        var parsed = PolicyParser.Parse(bytes.ToArray(), name);
        if (parsed.HasErrors)
        {
            // A JSONL line holds no line breaks, so the policy's column plus its start is the column in the line.
            var first = parsed.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
            int column = Column(line, start) + first.Span.Column - 1;
            throw new BatchLineException(idJson, $"line {lineNumber}, column {column}: policy #{name[(name.LastIndexOf('#') + 1)..]}: {first.Code}: {first.Message}");
        }
        var compiled = CompiledPolicy.Compile(parsed.Document!, name);
        if (_policyCache.Count >= MaxCachedPolicies) _policyCache.Clear();
        _policyCache[key] = compiled;
        return compiled;
    }

    private static BatchLineException Error(string idJson, long lineNumber, ReadOnlySpan<byte> line, long byteOffset, string message) =>
        new(idJson, $"line {lineNumber}, column {Column(line, (int)byteOffset)}: {message}");

    /// <summary>1-based column (UTF-16 code units, as editors count) of a byte offset in the line.</summary>
    private static int Column(ReadOnlySpan<byte> line, int byteOffset)
    {
        var prefix = line[..Math.Clamp(byteOffset, 0, line.Length)];
        return (Utf8.IsValid(prefix) ? Encoding.UTF8.GetCharCount(prefix) : prefix.Length) + 1;
    }
}

/// <summary>A request line that cannot be evaluated; the batch reports it as decision "error" and goes on.</summary>
public sealed class BatchLineException(string idJson, string message) : Exception(message)
{
    /// <summary>The line's "id" as JSON text ("null" when it could not be read).</summary>
    public string IdJson { get; } = idJson;
}
