using System.Net;
using System.Net.Sockets;

namespace IamHarden.Core.Values;

/// <summary>
/// An IPv4 or IPv6 network as written in an IpAddress/NotIpAddress condition: an address (meaning
/// /32 or /128) or a CIDR. Host bits are masked off (203.0.113.9/24 means 203.0.113.0/24, spec §5.4)
/// and remembered so lint can flag them. IPv4 ranges never contain IPv6 addresses and vice versa.
/// </summary>
public readonly record struct IpRange(IPNetwork Network, bool HadHostBits, bool HadPrefix)
{
    public AddressFamily Family => Network.BaseAddress.AddressFamily;
    public bool IsIPv4 => Family == AddressFamily.InterNetwork;
    public int PrefixLength => Network.PrefixLength;

    /// <summary>
    /// Whether the address lies in the range. The families must match: .NET's IPNetwork.Contains
    /// would read an IPv4-mapped IPv6 address (::ffff:a.b.c.d) as IPv4, but IAM compares the address
    /// as given, so a mapped address is never inside an IPv4 range [impl, spec §5.4].
    /// </summary>
    public bool Contains(IPAddress address) => address.AddressFamily == Family && Network.Contains(address);

    /// <summary>True when this range lies entirely inside <paramref name="other"/>.</summary>
    public bool IsWithin(IpRange other) =>
        Family == other.Family && PrefixLength >= other.PrefixLength && other.Network.Contains(Network.BaseAddress);

    /// <summary>Parses "a.b.c.d", "a.b.c.d/n", an IPv6 address or an IPv6 CIDR. Strict: no short IPv4 forms, no zone ids.</summary>
    public static bool TryParse(string text, out IpRange range)
    {
        range = default;
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        if (!IpAddressText.TryParse(addressText, out var address)) return false;
        int maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        int prefix = maxPrefix;
        if (slash >= 0)
        {
            var prefixText = text.AsSpan(slash + 1);
            if (prefixText.IsEmpty || prefixText.Length > 3 || !prefixText.ContainsOnlyDigits()) return false;
            prefix = int.Parse(prefixText);
            if (prefix > maxPrefix) return false;
        }
        var masked = Mask(address, prefix);
        range = new IpRange(new IPNetwork(masked, prefix), !masked.Equals(address), slash >= 0);
        return true;
    }

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (int i = 0; i < bytes.Length; i++)
        {
            int bitsHere = Math.Clamp(prefix - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bitsHere));
        }
        return new IPAddress(bytes);
    }

    public override string ToString() => Network.ToString();
}

/// <summary>Strict parsing of a single IP address as it appears in aws:SourceIp values.</summary>
public static class IpAddressText
{
    public static bool TryParse(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.Length == 0 || text.Contains('%')) return false;
        if (text.Contains(':'))
            return IPAddress.TryParse(text, out address!) && address.AddressFamily == AddressFamily.InterNetworkV6;
        // IPAddress.TryParse accepts "10" or "1.2.3" or octal; IAM wants a dotted quad.
        var parts = text.Split('.');
        if (parts.Length != 4) return false;
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !part.AsSpan().ContainsOnlyDigits() || int.Parse(part) > 255) return false;
        }
        return IPAddress.TryParse(text, out address!);
    }
}

internal static class SpanDigits
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span) if (c is < '0' or > '9') return false;
        return true;
    }
}
