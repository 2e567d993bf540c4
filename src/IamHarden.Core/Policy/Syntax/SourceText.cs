using System.Text;

namespace IamHarden.Core.Policy.Syntax;

/// <summary>
/// UTF-8 source bytes with a precomputed line index, so byte offsets reported by the JSON reader
/// turn into 1-based line/column positions (in UTF-16 code units) in O(log lines).
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStartBytes;
    private readonly int[] _lineStartChars;
    private readonly bool _isAscii;

    public SourceText(ReadOnlyMemory<byte> utf8, string name)
    {
        Utf8 = utf8;
        Name = name;
        var bytes = utf8.Span;
        _isAscii = System.Text.Ascii.IsValid(bytes);
        var starts = new List<int> { 0 };
        var charStarts = new List<int> { 0 };
        int lineStart = 0, chars = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'\n') continue;
            chars += CharCount(bytes[lineStart..(i + 1)]);
            lineStart = i + 1;
            starts.Add(lineStart);
            charStarts.Add(chars);
        }
        _lineStartBytes = starts.ToArray();
        _lineStartChars = charStarts.ToArray();
    }

    /// <summary>The file name (or "-" for standard input) used in messages.</summary>
    public string Name { get; }

    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>The span covering bytes [start, end).</summary>
    public SourceSpan SpanOf(long startByte, long endByte)
    {
        var (line, column, offset) = Locate((int)Math.Min(startByte, Utf8.Length));
        var endOffset = Locate((int)Math.Min(endByte, Utf8.Length)).Offset;
        return new SourceSpan(line, column, offset, Math.Max(0, endOffset - offset));
    }

    /// <summary>The span of a position given as a 0-based line and byte position in that line.</summary>
    public SourceSpan SpanAtLineByte(long zeroBasedLine, long bytePositionInLine)
    {
        var line = (int)Math.Clamp(zeroBasedLine, 0, _lineStartBytes.Length - 1);
        var start = _lineStartBytes[line] + (int)bytePositionInLine;
        return SpanOf(start, start);
    }

    private (int Line, int Column, int Offset) Locate(int byteOffset)
    {
        int index = Array.BinarySearch(_lineStartBytes, byteOffset);
        if (index < 0) index = ~index - 1;
        int lineStart = _lineStartBytes[index];
        int columnChars = CharCount(Utf8.Span[lineStart..Math.Max(lineStart, byteOffset)]);
        return (index + 1, columnChars + 1, _lineStartChars[index] + columnChars);
    }

    private int CharCount(ReadOnlySpan<byte> bytes) => _isAscii ? bytes.Length : Encoding.UTF8.GetCharCount(bytes);
}
