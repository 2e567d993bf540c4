using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using IamHarden.Core.Policy.Syntax;

namespace IamHarden.Analysis.Replay;

/// <summary>
/// Reads CloudTrail events from the files people actually have: log files as CloudTrail writes them
/// to S3 (<c>{"Records":[...]}</c>, usually gzip-compressed), the output of
/// <c>aws cloudtrail lookup-events</c> (<c>{"Events":[{"CloudTrailEvent":"..."}]}</c>), a JSON array of
/// records, or one record per line (JSON Lines). Directories are walked recursively, skipping the
/// digest and Insights folders. One file is held in memory at a time, so a month of logs streams.
/// </summary>
public static class CloudTrailReader
{
    /// <summary>Files larger than this (after decompression) are refused rather than exhausting memory.</summary>
    public const long MaxFileBytes = 1L << 30;

    /// <summary>The files a list of paths names: files as given, directories walked in a stable order.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) { files.Add(path); continue; }
            if (!Directory.Exists(path))
                throw new CloudTrailException($"{path}: no such file or directory (give CloudTrail log files, a folder of them, or the output of `aws cloudtrail lookup-events`)");
            files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(IsTrailFile)
                .Order(StringComparer.Ordinal));
        }
        return files;
    }

    private static bool IsTrailFile(string file)
    {
        var separators = new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar };
        if (file.Split(separators).Any(part => part is "CloudTrail-Digest" or "CloudTrail-Insight")) return false;
        return file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || file.EndsWith(".json.gz", StringComparison.OrdinalIgnoreCase)
            || file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            || file.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every record of every file, in file order.</summary>
    public static IEnumerable<CloudTrailRecord> Read(IEnumerable<string> files)
    {
        foreach (var file in files)
            foreach (var record in ReadFile(file))
                yield return record;
    }

    /// <summary>The records of one file (plain or gzip-compressed).</summary>
    public static IEnumerable<CloudTrailRecord> ReadFile(string file)
    {
        var bytes = Load(file);
        return Parse(bytes, file);
    }

    /// <summary>The records in <paramref name="bytes"/>, named <paramref name="name"/> in messages.</summary>
    public static IReadOnlyList<CloudTrailRecord> Parse(byte[] bytes, string name)
    {
        var source = new SourceText(bytes, name);
        var records = new List<CloudTrailRecord>();
        int start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var reader = new Utf8JsonReader(bytes.AsSpan(start), new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 128 });
        try
        {
            if (!reader.Read())
                throw new CloudTrailException($"{name}: the file is empty (expected CloudTrail records)");
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                ReadArrayOfRecords(ref reader, source, start, records);
                ExpectEnd(ref reader, source, start);
                return records;
            }
            if (reader.TokenType != JsonTokenType.StartObject)
                throw Error(source, start + reader.TokenStartIndex, $"expected CloudTrail records (a JSON object); found {Describe(reader.TokenType)}");
            var first = start + reader.TokenStartIndex;
            var atFirstRecord = reader;
            bool container = false, looksLikeRecord = false;
            var members = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var member = reader.GetString()!;
                var memberAt = start + reader.TokenStartIndex;
                reader.Read();
                members.Add(member);
                if (member == "Records")
                {
                    container = true;
                    if (reader.TokenType != JsonTokenType.StartArray) throw Error(source, memberAt, "\"Records\" must be an array of event records");
                    ReadArrayOfRecords(ref reader, source, start, records);
                }
                else if (member == "Events")
                {
                    container = true;
                    using var events = JsonDocument.ParseValue(ref reader);
                    ReadLookupEvents(events.RootElement, source, memberAt, records);
                }
                else
                {
                    looksLikeRecord |= member is "eventName" or "eventTime" or "eventSource";
                    reader.Skip();
                }
            }
            if (container)
            {
                ExpectEnd(ref reader, source, start);
                return records;
            }
            if (!looksLikeRecord)
                throw Error(source, first, "expected CloudTrail records: an object with \"Records\" (a log file), \"Events\" (aws cloudtrail lookup-events), or one event record per line; found an object with " +
                    (members.Count == 0 ? "no members" : "members " + string.Join(", ", members.Take(4).Select(m => "\"" + m + "\""))));
            reader = atFirstRecord;
            {
                using var document = JsonDocument.ParseValue(ref reader);
                records.Add(Convert(document.RootElement, source, first));
            }
            // JSON Lines: one record after another.
            while (reader.Read())
            {
                var at = start + reader.TokenStartIndex;
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw Error(source, at, $"expected the next CloudTrail record (a JSON object); found {Describe(reader.TokenType)}");
                using var document = JsonDocument.ParseValue(ref reader);
                records.Add(Convert(document.RootElement, source, at));
            }
            return records;
        }
        catch (JsonException ex)
        {
            var span = source.SpanAtLineByte(ex.LineNumber ?? 0, (ex.BytePositionInLine ?? 0) + (ex.LineNumber == 0 ? start : 0));
            var message = ex.Message.Split(" LineNumber:")[0].Split(" Path:")[0].TrimEnd('.');
            throw new CloudTrailException($"{name}:{span.Line}:{span.Column}: invalid JSON (is the file truncated?): {message}");
        }
    }

    private static void ReadArrayOfRecords(ref Utf8JsonReader reader, SourceText source, int start, List<CloudTrailRecord> records)
    {
        while (true)
        {
            if (!reader.Read()) throw Error(source, source.Utf8.Length, "unexpected end of file (the file is truncated)");
            if (reader.TokenType == JsonTokenType.EndArray) return;
            var at = start + reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartObject)
                throw Error(source, at, $"expected a CloudTrail record (a JSON object); found {Describe(reader.TokenType)}");
            using var document = JsonDocument.ParseValue(ref reader);
            records.Add(Convert(document.RootElement, source, at));
        }
    }

    private static void ExpectEnd(ref Utf8JsonReader reader, SourceText source, int start)
    {
        if (reader.Read()) throw Error(source, start + reader.TokenStartIndex, "unexpected content after the CloudTrail document");
    }

    /// <summary>lookup-events wraps each record as a JSON string in CloudTrailEvent.</summary>
    private static void ReadLookupEvents(JsonElement events, SourceText source, long at, List<CloudTrailRecord> records)
    {
        if (events.ValueKind != JsonValueKind.Array) throw Error(source, at, "\"Events\" must be an array (aws cloudtrail lookup-events output)");
        int index = 0;
        foreach (var item in events.EnumerateArray())
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("CloudTrailEvent", out var text) || text.ValueKind != JsonValueKind.String)
                throw Error(source, at, $"\"Events\" #{index}: expected an object with \"CloudTrailEvent\" (the record as a JSON string)");
            try
            {
                using var inner = JsonDocument.Parse(text.GetString()!);
                records.Add(Convert(inner.RootElement, source, at, index));
            }
            catch (JsonException ex)
            {
                throw Error(source, at, $"\"Events\" #{index}: CloudTrailEvent is not valid JSON: {ex.Message.Split(" LineNumber:")[0]}");
            }
        }
    }

    private static CloudTrailRecord Convert(JsonElement e, SourceText source, long at, int index = 0)
    {
        var span = source.SpanOf(at, at);
        var location = index > 0 ? $"{source.Name}:{span.Line}:{span.Column}: record #{index}" : $"{source.Name}:{span.Line}:{span.Column}";
        CloudTrailException Bad(string what) => new($"{location}: {what}");

        string Required(string member) =>
            String(e, member) ?? throw Bad($"the event record has no \"{member}\" (expected a CloudTrail event record)");

        var timeText = Required("eventTime");
        if (!DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            throw Bad($"eventTime \"{timeText}\" is not an ISO 8601 time such as 2026-11-30T08:12:44Z");

        return new CloudTrailRecord
        {
            EventId = String(e, "eventID") ?? location,
            EventTime = time,
            EventSource = Required("eventSource"),
            EventName = Required("eventName"),
            EventType = String(e, "eventType"),
            EventCategory = String(e, "eventCategory"),
            AwsRegion = String(e, "awsRegion"),
            SourceIpAddress = String(e, "sourceIPAddress"),
            VpcEndpointId = String(e, "vpcEndpointId"),
            UserAgent = String(e, "userAgent"),
            ErrorCode = String(e, "errorCode"),
            HasTlsDetails = e.TryGetProperty("tlsDetails", out var tls) && tls.ValueKind == JsonValueKind.Object,
            Identity = Identity(e),
            ResourceArns = Resources(e),
            RequestParameters = Parameters(e),
            Location = location,
        };
    }

    private static CloudTrailIdentity Identity(JsonElement e)
    {
        if (!e.TryGetProperty("userIdentity", out var u) || u.ValueKind != JsonValueKind.Object) return new CloudTrailIdentity();
        JsonElement attributes = default, issuer = default;
        if (u.TryGetProperty("sessionContext", out var session) && session.ValueKind == JsonValueKind.Object)
        {
            session.TryGetProperty("attributes", out attributes);
            session.TryGetProperty("sessionIssuer", out issuer);
        }
        DateTimeOffset? created = null;
        if (String(attributes, "creationDate") is { } c &&
            DateTimeOffset.TryParse(c, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            created = parsed;
        return new CloudTrailIdentity
        {
            Type = String(u, "type"),
            Arn = String(u, "arn"),
            AccountId = String(u, "accountId"),
            UserName = String(u, "userName"),
            PrincipalId = String(u, "principalId"),
            AccessKeyId = String(u, "accessKeyId"),
            // Written as a string, but accept a JSON boolean too.
            MfaAuthenticated = String(attributes, "mfaAuthenticated")?.ToLowerInvariant(),
            SessionCreated = created,
            SessionIssuerArn = String(issuer, "arn"),
            InvokedBy = String(u, "invokedBy"),
        };
    }

    private static IReadOnlyList<string> Resources(JsonElement e)
    {
        if (!e.TryGetProperty("resources", out var list) || list.ValueKind != JsonValueKind.Array) return [];
        var arns = new List<string>();
        foreach (var item in list.EnumerateArray())
            if ((String(item, "ARN") ?? String(item, "arn")) is { Length: > 0 } arn) arns.Add(arn);
        return arns;
    }

    private static IReadOnlyDictionary<string, string> Parameters(JsonElement e)
    {
        if (!e.TryGetProperty("requestParameters", out var p) || p.ValueKind != JsonValueKind.Object) return new Dictionary<string, string>();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in p.EnumerateObject())
            if (member.Value.ValueKind == JsonValueKind.String) result[member.Name] = member.Value.GetString()!;
        return result;
    }

    private static string? String(JsonElement e, string member)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(member, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    private static byte[] Load(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            Span<byte> magic = stackalloc byte[2];
            int n = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            stream.Position = 0;
            bool gzip = n == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            using var decompressor = gzip ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : null;
            Stream content = decompressor ?? (Stream)stream;
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > MaxFileBytes)
                    throw new CloudTrailException($"{file}: larger than {MaxFileBytes >> 20} MiB after decompression; split it (CloudTrail itself writes a file every five minutes)");
                buffer.Write(chunk, 0, read);
            }
            if (gzip) CheckGzipTrailer(stream, buffer.Length, file);
            return buffer.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new CloudTrailException($"{file}: not a valid gzip file ({ex.Message})");
        }
        catch (IOException ex)
        {
            throw new CloudTrailException($"{file}: cannot be read ({ex.Message})");
        }
        catch (UnauthorizedAccessException)
        {
            throw new CloudTrailException($"{file}: permission denied");
        }
    }

    /// <summary>
    /// GZipStream ends quietly at a truncated file (an interrupted download), so compare with the
    /// trailer's ISIZE (RFC 1952: the uncompressed size modulo 2^32) of the single-member files CloudTrail writes.
    /// </summary>
    private static void CheckGzipTrailer(FileStream stream, long decompressed, string file)
    {
        Span<byte> trailer = stackalloc byte[4];
        if (stream.Length >= 18)
        {
            stream.Position = stream.Length - 4;
            stream.ReadExactly(trailer);
            if (System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer) == (uint)decompressed) return;
        }
        throw new CloudTrailException($"{file}: the gzip file is truncated or corrupt ({decompressed:N0} bytes could be decompressed; download it again)");
    }

    private static CloudTrailException Error(SourceText source, long at, string message)
    {
        var span = source.SpanOf(at, at);
        return new CloudTrailException($"{source.Name}:{span.Line}:{span.Column}: {message}");
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };
}
