using System.Globalization;
using System.Text.RegularExpressions;

namespace IamHarden.Core.Values;

/// <summary>
/// Parses the date forms IAM accepts in Date conditions (spec §5.4): W3C ISO 8601 profiles
/// (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.s]]TZD) or epoch seconds. Values compare as
/// UTC instants, never as strings. A time without a zone designator is read as UTC and flagged.
/// </summary>
public static partial class AwsDate
{
    [GeneratedRegex(@"^(?<y>\d{4})(-(?<mo>\d{2})(-(?<d>\d{2})(T(?<h>\d{2}):(?<mi>\d{2})(:(?<s>\d{2})(\.(?<f>\d{1,9}))?)?(?<tz>Z|[+-]\d{2}:\d{2})?)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    /// <summary>Parses <paramref name="text"/> to UTC ticks. <paramref name="missingZone"/> is true for a time without Z/offset.</summary>
    public static bool TryParse(string text, out long utcTicks, out bool missingZone)
    {
        utcTicks = 0;
        missingZone = false;
        // Epoch seconds: an integer that is not a bare four-digit year [impl: four digits read as a year].
        if (text.Length != 4 && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var epoch))
        {
            if (epoch is < -62135596800L or > 253402300799L) return false;
            utcTicks = DateTimeOffset.FromUnixTimeSeconds(epoch).UtcTicks;
            return true;
        }
        var m = IsoPattern().Match(text);
        if (!m.Success) return false;
        int year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        int month = Group(m, "mo", 1), day = Group(m, "d", 1), hour = Group(m, "h", 0), minute = Group(m, "mi", 0), second = Group(m, "s", 0);
        if (year < 1 || month is < 1 or > 12 || hour > 23 || minute > 59 || second > 59) return false;
        if (day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        long fractionTicks = 0;
        if (m.Groups["f"].Success)
        {
            var f = m.Groups["f"].Value.PadRight(7, '0')[..7];
            fractionTicks = long.Parse(f, CultureInfo.InvariantCulture);
        }
        var offset = TimeSpan.Zero;
        if (m.Groups["tz"].Success)
        {
            var tz = m.Groups["tz"].Value;
            if (tz != "Z")
            {
                int oh = int.Parse(tz.AsSpan(1, 2), CultureInfo.InvariantCulture), om = int.Parse(tz.AsSpan(4, 2), CultureInfo.InvariantCulture);
                if (oh > 23 || om > 59) return false;
                offset = new TimeSpan(oh, om, 0) * (tz[0] == '-' ? -1 : 1);
            }
        }
        else if (m.Groups["h"].Success)
        {
            missingZone = true;
        }
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        utcTicks = new DateTimeOffset(local, offset).UtcTicks;
        return true;
    }

    public static bool TryParse(string text, out long utcTicks) => TryParse(text, out utcTicks, out _);

    private static int Group(Match m, string name, int fallback) =>
        m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : fallback;
}
