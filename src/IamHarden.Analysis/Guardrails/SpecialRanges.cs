using System.Net;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Guardrails;

/// <summary>
/// Address ranges that never appear as aws:SourceIp on AWS's public endpoints: private (RFC 1918,
/// IPv6 ULA), loopback, link-local, carrier-grade NAT, documentation and other reserved blocks
/// (IANA special-purpose registries, RFC 6890). Documentation ranges (192.0.2.0/24 etc.) are
/// listed separately because examples use them on purpose.
/// </summary>
public static class SpecialRanges
{
    private static readonly (IpRange Range, string Name)[] NeverRouted =
    [
        (Parse("0.0.0.0/8"), "the \"this network\" block 0.0.0.0/8"),
        (Parse("10.0.0.0/8"), "a private range (RFC 1918)"),
        (Parse("100.64.0.0/10"), "the carrier-grade NAT range (RFC 6598)"),
        (Parse("127.0.0.0/8"), "the loopback range"),
        (Parse("169.254.0.0/16"), "the link-local range"),
        (Parse("172.16.0.0/12"), "a private range (RFC 1918)"),
        (Parse("192.0.0.0/24"), "the IETF protocol assignments block"),
        (Parse("192.168.0.0/16"), "a private range (RFC 1918)"),
        (Parse("198.18.0.0/15"), "the benchmarking range (RFC 2544)"),
        (Parse("224.0.0.0/4"), "the multicast range"),
        (Parse("240.0.0.0/4"), "a reserved range"),
        (Parse("::1/128"), "the IPv6 loopback address"),
        (Parse("::/128"), "the unspecified IPv6 address"),
        (Parse("fc00::/7"), "an IPv6 unique local (private) range"),
        (Parse("fe80::/10"), "the IPv6 link-local range"),
        (Parse("ff00::/8"), "the IPv6 multicast range"),
    ];

    private static readonly (IpRange Range, string Name)[] Documentation =
    [
        (Parse("192.0.2.0/24"), "a documentation range (TEST-NET-1)"),
        (Parse("198.51.100.0/24"), "a documentation range (TEST-NET-2)"),
        (Parse("203.0.113.0/24"), "a documentation range (TEST-NET-3)"),
        (Parse("2001:db8::/32"), "the IPv6 documentation range"),
    ];

    /// <summary>The name of the never-routed range that <paramref name="range"/> lies in or covers, or null for public ranges.</summary>
    public static string? Classify(IpRange range)
    {
        foreach (var (special, name) in NeverRouted)
            if (range.IsWithin(special)) return name;
        return null;
    }

    /// <summary>Whether the range is one of the documentation ranges (fine in examples, suspicious in production).</summary>
    public static string? ClassifyDocumentation(IpRange range)
    {
        foreach (var (special, name) in Documentation)
            if (range.IsWithin(special)) return name;
        return null;
    }

    /// <summary>Whether the range overlaps a never-routed block without lying inside it (e.g. 0.0.0.0/0 covers 10.0.0.0/8).</summary>
    public static bool CoversPrivate(IpRange range) =>
        NeverRouted.Any(s => s.Range.Family == range.Family && range.PrefixLength <= s.Range.PrefixLength && range.Contains(s.Range.Network.BaseAddress));

    private static IpRange Parse(string cidr) => IpRange.TryParse(cidr, out var r) ? r : throw new InvalidOperationException(cidr);

    /// <summary>True for an address in any never-routed block.</summary>
    public static bool IsNeverRouted(IPAddress address) => NeverRouted.Any(s => s.Range.Contains(address));
}
