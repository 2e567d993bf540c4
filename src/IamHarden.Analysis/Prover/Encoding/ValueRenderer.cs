using System.Globalization;
using System.Net;
using System.Numerics;
using IamHarden.Core.Catalog;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>Writes a model's values as the text a request context carries (what `simulate --context` takes).</summary>
internal static class ValueRenderer
{
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>m / 10^scale as a plain decimal ("12.5", "-3", "0.001").</summary>
    public static string ScaledNumber(BigInteger scaled, int scale)
    {
        bool negative = scaled.Sign < 0;
        var digits = BigInteger.Abs(scaled).ToString(CultureInfo.InvariantCulture).PadLeft(scale + 1, '0');
        var whole = digits[..^scale];
        var fraction = scale == 0 ? "" : digits[^scale..].TrimEnd('0');
        var text = fraction.Length == 0 ? whole : whole + "." + fraction;
        return negative && text != "0" ? "-" + text : text;
    }

    /// <summary>An instant as ISO 8601 in UTC with the full tick precision, dropping a zero fraction.</summary>
    public static string Date(long ticks)
    {
        var time = new DateTime(ticks, DateTimeKind.Utc);
        return time.Ticks % TimeSpan.TicksPerSecond == 0
            ? time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }

    public static string Ip(bool isV6, BigInteger bits)
    {
        var bytes = new byte[isV6 ? 16 : 4];
        for (int i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(bits & 0xFF);
            bits >>= 8;
        }
        return new IPAddress(bytes).ToString();
    }

    /// <summary>The base64 of the policies' value number <paramref name="choice"/>, or of bytes equal to none of them.</summary>
    public static string Binary(int choice, IReadOnlyList<byte[]> known)
    {
        if (choice < known.Count) return Convert.ToBase64String(known[choice]);
        for (int length = 1; ; length++)
            for (int b = 0; b < 256; b++)
            {
                var candidate = Enumerable.Repeat((byte)b, length).ToArray();
                if (!known.Any(k => k.AsSpan().SequenceEqual(candidate))) return Convert.ToBase64String(candidate);
            }
    }

    /// <summary>A typical non-empty value for a key only tested with Null (its type from the catalog).</summary>
    public static string Sample(string key, ActionCatalog catalog) => catalog.FindConditionKey(key)?.ValueType switch
    {
        ConditionKeyType.IPAddress => "198.51.100.7",
        ConditionKeyType.Bool => "true",
        ConditionKeyType.Numeric => "1",
        ConditionKeyType.Date => "2026-01-01T00:00:00Z",
        ConditionKeyType.Arn => "arn:aws:iam::123456789012:user/example",
        ConditionKeyType.Binary => "AA==",
        _ => "example",
    };
}
