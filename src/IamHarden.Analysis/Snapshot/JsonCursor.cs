using System.Text.Json;
using IamHarden.Core.Policy.Syntax;

namespace IamHarden.Analysis.Snapshot;

/// <summary>
/// A thin, positioned walk over a UTF-8 JSON file with Utf8JsonReader: fast enough for the
/// largest authorization-details files, and every error names the file and line. Readers of the
/// snapshot files use it to accept exactly the shapes the AWS CLI writes and to explain anything else.
/// </summary>
internal ref struct JsonCursor
{
    private Utf8JsonReader _reader;
    private readonly SourceText _source;

    public JsonCursor(byte[] bytes, SourceText source)
    {
        int bom = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        Bom = bom;
        _reader = new Utf8JsonReader(bytes.AsSpan(bom), new JsonReaderOptions { MaxDepth = 256 });
        _source = source;
    }

    public int Bom { get; }

    public JsonTokenType TokenType => _reader.TokenType;

    /// <summary>Byte offset of the current token in the file.</summary>
    public long TokenStart => Bom + _reader.TokenStartIndex;

    public int Line => _source.SpanOf(TokenStart, TokenStart).Line;

    public SnapshotException Error(string message)
    {
        var span = _source.SpanOf(TokenStart, TokenStart);
        return new SnapshotException($"{_source.Name}:{span.Line}:{span.Column}: {message}");
    }

    public void Read()
    {
        try
        {
            if (!_reader.Read()) throw Error("unexpected end of file (the file is truncated)");
        }
        catch (JsonException ex)
        {
            throw Invalid(ex);
        }
    }

    private SnapshotException Invalid(JsonException ex)
    {
        var span = _source.SpanAtLineByte(ex.LineNumber ?? 0, (ex.BytePositionInLine ?? 0) + (ex.LineNumber == 0 ? Bom : 0));
        var message = ex.Message.Split(" LineNumber:")[0].Split(" Path:")[0].TrimEnd('.');
        return new SnapshotException($"{_source.Name}:{span.Line}:{span.Column}: invalid JSON (is the file truncated?): {message}");
    }

    /// <summary>Reads the start of an object and calls <paramref name="member"/> for each member (positioned on its value).</summary>
    public void Object(string what, MemberHandler member)
    {
        if (_reader.TokenType != JsonTokenType.StartObject) throw Error($"expected {what} (a JSON object); found {Describe()}");
        while (true)
        {
            Read();
            if (_reader.TokenType == JsonTokenType.EndObject) return;
            var name = Text();
            Read();
            member(ref this, name);
        }
    }

    public delegate void MemberHandler(ref JsonCursor cursor, string name);
    public delegate void ItemHandler(ref JsonCursor cursor);

    public void Array(string what, ItemHandler item)
    {
        if (_reader.TokenType == JsonTokenType.Null) return;
        if (_reader.TokenType != JsonTokenType.StartArray) throw Error($"expected {what} (a JSON array); found {Describe()}");
        while (true)
        {
            Read();
            if (_reader.TokenType == JsonTokenType.EndArray) return;
            item(ref this);
        }
    }

    public string String(string what)
    {
        if (_reader.TokenType != JsonTokenType.String) throw Error($"expected {what} (a string); found {Describe()}");
        return Text();
    }

    /// <summary>The current string; Utf8JsonReader checks its bytes only when asked, so invalid UTF-8 surfaces here.</summary>
    private string Text()
    {
        try
        {
            return _reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Error("the text is not valid UTF-8; the AWS CLI writes UTF-8 (was the file converted to another encoding?)");
        }
    }

    public string? StringOrNull(string what) => _reader.TokenType == JsonTokenType.Null ? null : String(what);

    public bool Bool(string what)
    {
        if (_reader.TokenType is JsonTokenType.True or JsonTokenType.False) return _reader.GetBoolean();
        // The AWS CLI writes JSON booleans; a string "true" means the file was edited or produced by another tool.
        if (_reader.TokenType == JsonTokenType.String && bool.TryParse(Text(), out var b)) return b;
        throw Error($"expected {what} (true or false); found {Describe()}");
    }

    public long Integer(string what)
    {
        if (_reader.TokenType == JsonTokenType.Number && _reader.TryGetInt64(out var n)) return n;
        if (_reader.TokenType == JsonTokenType.String && long.TryParse(Text(), out n)) return n;
        throw Error($"expected {what} (an integer); found {Describe()}");
    }

    public DateTimeOffset? Date(string what)
    {
        if (_reader.TokenType == JsonTokenType.Null) return null;
        var text = String(what);
        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var date))
            return date;
        throw Error($"expected {what} (an ISO 8601 date such as 2023-04-01T10:00:00+00:00); found \"{text}\"");
    }

    /// <summary>The raw bytes of the current value (object, array or scalar), and where it starts.</summary>
    public (ReadOnlyMemory<byte> Bytes, long Start) RawValue(byte[] file)
    {
        long start = TokenStart;
        if (_reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) Skip();
        long end = Bom + _reader.BytesConsumed;
        return (file.AsMemory((int)start, (int)(end - start)), start);
    }

    public void Skip()
    {
        try
        {
            _reader.Skip();
        }
        catch (JsonException ex)
        {
            throw Invalid(ex);
        }
    }

    private string Describe() => _reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => $"the string \"{Text()}\"",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => _reader.TokenType.ToString(),
    };
}
