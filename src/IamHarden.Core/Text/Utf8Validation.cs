using System.Text.Unicode;

namespace IamHarden.Core.Text;

/// <summary>Where UTF-8 input stops being UTF-8, for messages that point at the bad byte.</summary>
public static class Utf8Validation
{
    /// <summary>The offset of the first byte that is not part of a valid UTF-8 sequence (call only on invalid input).</summary>
    public static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var buffer = new char[bytes.Length];
        Utf8.ToUtf16(bytes, buffer, out int bytesRead, out _, replaceInvalidSequences: false, isFinalBlock: true);
        return Math.Min(bytesRead, bytes.Length - 1);
    }
}
