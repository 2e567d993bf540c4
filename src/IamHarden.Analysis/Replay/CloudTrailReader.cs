using System.Buffers;
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
        // Files are read into a pooled buffer: a month of 10 MB files then costs one buffer, not
        // thousands of large-object-heap arrays. Records copy what they keep out of it.
        var (buffer, length) = Load(file);
        try
        {
            return Parse(buffer.AsMemory(0, length), file);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The records in <paramref name="bytes"/>, named <paramref name="name"/> in messages.</summary>
    public static IReadOnlyList<CloudTrailRecord> Parse(ReadOnlyMemory<byte> bytes, string name)
    {
        var source = new SourceText(bytes, name);
        var records = new List<CloudTrailRecord>();
        int start = bytes.Span.StartsWith("\uFEFF"u8) ? 3 : 0;
        var reader = new Utf8JsonReader(bytes.Span[start..], new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 128 });
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
            records.Add(CloudTrailRecordReader.Read(ref reader, Location(source, first)));
            // JSON Lines: one record after another.
            while (reader.Read())
            {
                var at = start + reader.TokenStartIndex;
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw Error(source, at, $"expected the next CloudTrail record (a JSON object); found {Describe(reader.TokenType)}");
                records.Add(CloudTrailRecordReader.Read(ref reader, Location(source, at)));
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
            records.Add(CloudTrailRecordReader.Read(ref reader, Location(source, at)));
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
            var location = $"{Location(source, at)}: event #{index}";
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("CloudTrailEvent", out var text) || text.ValueKind != JsonValueKind.String)
                throw new CloudTrailException($"{location}: expected an object with \"CloudTrailEvent\" (the record as a JSON string)");
            try
            {
                var inner = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text.GetString()!));
                if (!inner.Read() || inner.TokenType != JsonTokenType.StartObject)
                    throw new CloudTrailException($"{location}: CloudTrailEvent is not a JSON object");
                records.Add(CloudTrailRecordReader.Read(ref inner, location));
            }
            catch (JsonException ex)
            {
                throw new CloudTrailException($"{location}: CloudTrailEvent is not valid JSON: {ex.Message.Split(" LineNumber:")[0]}");
            }
        }
    }

    private static string Location(SourceText source, long at)
    {
        var span = source.SpanOf(at, at);
        return $"{source.Name}:{span.Line}:{span.Column}";
    }

    private static (byte[] Buffer, int Length) Load(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            Span<byte> magic = stackalloc byte[2];
            int n = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            if (n < 2 || magic[0] != 0x1f || magic[1] != 0x8b)
            {
                if (stream.Length > MaxFileBytes) throw TooLarge(file);
                stream.Position = 0;
                var buffer = ArrayPool<byte>.Shared.Rent((int)stream.Length);
                stream.ReadExactly(buffer, 0, (int)stream.Length);
                return (buffer, (int)stream.Length);
            }
            return Decompress(stream, file);
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
    /// The gzip trailer's ISIZE (RFC 1952: the uncompressed size modulo 2^32) sizes the buffer
    /// exactly, and catches truncated files, which GZipStream otherwise ends quietly. CloudTrail
    /// writes single-member files well under 4 GiB, so ISIZE is the size.
    /// </summary>
    private static (byte[] Buffer, int Length) Decompress(FileStream stream, string file)
    {
        CloudTrailException Truncated(long got) =>
            new($"{file}: the gzip file is truncated or corrupt ({got:N0} bytes could be decompressed; download it again)");
        if (stream.Length < 18) throw Truncated(0);
        Span<byte> trailer = stackalloc byte[4];
        stream.Position = stream.Length - 4;
        stream.ReadExactly(trailer);
        long size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        if (size > MaxFileBytes) throw TooLarge(file);
        stream.Position = 0;
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        var buffer = ArrayPool<byte>.Shared.Rent((int)size);
        int read = gzip.ReadAtLeast(buffer.AsSpan(0, (int)size), (int)size, throwOnEndOfStream: false);
        Span<byte> extra = stackalloc byte[1];
        if (read != size || gzip.Read(extra) != 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw Truncated(read);
        }
        return (buffer, (int)size);
    }

    private static CloudTrailException TooLarge(string file) =>
        new($"{file}: larger than {MaxFileBytes >> 20} MiB after decompression; split it (CloudTrail itself writes a file every five minutes)");

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
