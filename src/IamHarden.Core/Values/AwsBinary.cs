namespace IamHarden.Core.Values;

/// <summary>BinaryEquals values: base64 text, compared byte for byte after decoding.</summary>
public static class AwsBinary
{
    public static bool TryParse(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0) return false;
        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, buffer, out int written)) return false;
        bytes = buffer[..written];
        return true;
    }
}
