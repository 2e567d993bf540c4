using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Simulation;

/// <summary>
/// Parses request lines of the simulate JSONL contract:
/// <c>{"id":"..","action":"..","resource":"..","context":{"k":"v","k2":["a","b"]},"principal":"arn..","policies":[{...}]}</c>.
/// Inline policies are parsed once per distinct text and cached, because generated batches repeat them.
/// </summary>
public sealed class BatchLineParser(PrincipalIdentity defaultPrincipal, string? resourceAccount = null)
{
    private const int MaxCachedPolicies = 4096;
    private readonly Dictionary<string, CompiledPolicy> _policyCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PrincipalIdentity> _principalCache = new(StringComparer.Ordinal);

    /// <summary>Parses one line. Throws <see cref="BatchLineException"/> (with the id, when it was read) for an unusable line.</summary>
    public BatchRequest Parse(ReadOnlySpan<byte> line, long lineNumber)
    {
        string idJson = "null";
        string? action = null, resource = null;
        PrincipalIdentity principal = defaultPrincipal;
        RequestContext context = new();
        List<CompiledPolicy>? policies = null;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new BatchLineException(idJson, $"line {lineNumber}: expected a JSON object");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "id":
                        idJson = reader.TokenType switch
                        {
                            JsonTokenType.String or JsonTokenType.Number or JsonTokenType.Null => Encoding.UTF8.GetString(line.Slice((int)reader.TokenStartIndex, (int)(reader.BytesConsumed - reader.TokenStartIndex))),
                            _ => throw new BatchLineException("null", $"line {lineNumber}: \"id\" must be a string or a number"),
                        };
                        break;
                    case "action": action = ReadString(ref reader, "action", idJson, lineNumber); break;
                    case "resource": resource = ReadString(ref reader, "resource", idJson, lineNumber); break;
                    case "principal":
                        var arn = ReadString(ref reader, "principal", idJson, lineNumber);
                        if (!_principalCache.TryGetValue(arn, out principal!))
                        {
                            if (!PrincipalIdentity.TryParse(arn, out principal))
                                throw new BatchLineException(idJson, $"line {lineNumber}: \"principal\" is not a principal ARN: \"{arn}\"");
                            _principalCache[arn] = principal;
                        }
                        break;
                    case "context": ReadContext(ref reader, context, idJson, lineNumber); break;
                    case "policies": policies = ReadPolicies(ref reader, line, idJson, lineNumber); break;
                    default: reader.Skip(); break;
                }
            }
        }
        catch (JsonException ex)
        {
            throw new BatchLineException(idJson, $"line {lineNumber}: invalid JSON ({ex.Message.Split(" LineNumber")[0].TrimEnd('.')})");
        }
        if (action is null) throw new BatchLineException(idJson, $"line {lineNumber}: \"action\" is missing");
        var request = new AuthorizationRequest(principal, action, resource ?? "*", context) { ResourceAccount = resourceAccount };
        return new BatchRequest(idJson, request, policies);
    }

    private static string ReadString(ref Utf8JsonReader reader, string field, string idJson, long lineNumber) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new BatchLineException(idJson, $"line {lineNumber}: \"{field}\" must be a string");

    private static void ReadContext(ref Utf8JsonReader reader, RequestContext context, string idJson, long lineNumber)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new BatchLineException(idJson, $"line {lineNumber}: \"context\" must be an object of keys to strings or arrays of strings");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.String) context.Set(key, reader.GetString()!);
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                var values = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.String)
                        throw new BatchLineException(idJson, $"line {lineNumber}: context key \"{key}\" must hold strings only");
                    values.Add(reader.GetString()!);
                }
                context.SetList(key, values);
            }
            else throw new BatchLineException(idJson, $"line {lineNumber}: context key \"{key}\" must be a string or an array of strings");
        }
    }

    private List<CompiledPolicy> ReadPolicies(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string idJson, long lineNumber)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new BatchLineException(idJson, $"line {lineNumber}: \"policies\" must be an array of policy documents");
        var result = new List<CompiledPolicy>();
        int index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            int start = (int)reader.TokenStartIndex;
            reader.Skip();
            var bytes = line[start..(int)reader.BytesConsumed];
            result.Add(CompileCached(bytes, $"line {lineNumber} policy #{index}", idJson));
            index++;
        }
        return result;
    }

    private CompiledPolicy CompileCached(ReadOnlySpan<byte> bytes, string name, string idJson)
    {
        var key = bytes.Length <= 2048 ? Encoding.UTF8.GetString(bytes) : Convert.ToHexString(SHA256.HashData(bytes));
        if (_policyCache.TryGetValue(key, out var cached)) return cached;
        var parsed = PolicyParser.Parse(bytes.ToArray(), name);
        if (parsed.HasErrors)
        {
            var first = parsed.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
            throw new BatchLineException(idJson, $"{name}: {first.Code}: {first.Message}");
        }
        var compiled = CompiledPolicy.Compile(parsed.Document!, name);
        if (_policyCache.Count >= MaxCachedPolicies) _policyCache.Clear();
        _policyCache[key] = compiled;
        return compiled;
    }
}

/// <summary>A request line that cannot be evaluated; the batch reports it as decision "error" and goes on.</summary>
public sealed class BatchLineException(string idJson, string message) : Exception(message)
{
    public string IdJson { get; } = idJson;
}
