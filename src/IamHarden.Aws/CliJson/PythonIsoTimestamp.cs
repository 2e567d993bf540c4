using System.Globalization;
using System.Text.RegularExpressions;

namespace IamHarden.Aws.CliJson;

/// <summary>
/// Formats an IAM timestamp as the AWS CLI's <c>iso8601</c> timestamp format does (<c>parse_timestamp(v).isoformat()</c>):
/// seconds always, microseconds only when non-zero (six digits, extra digits truncated), UTC as <c>+00:00</c>, no
/// offset for a timestamp that had none. A value in another form is returned unchanged.
/// </summary>
internal static partial class PythonIsoTimestamp
{
    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(Z|z|[+-]\d{2}(?::?\d{2})?)?$")]
    private static partial Regex Iso();

    public static string Format(string wire)
    {
        var match = Iso().Match(wire.Trim());
        if (!match.Success)
            return wire;
        var g = match.Groups;
        var text = $"{g[1].Value}-{g[2].Value}-{g[3].Value}T{g[4].Value}:{g[5].Value}:{g[6].Value}";
        if (g[7].Success)
        {
            var micro = int.Parse(g[7].Value.PadRight(6, '0')[..6], CultureInfo.InvariantCulture);
            if (micro != 0)
                text += "." + micro.ToString("000000", CultureInfo.InvariantCulture);
        }
        if (g[8].Success)
            text += Offset(g[8].Value);
        return text;
    }

    private static string Offset(string zone)
    {
        if (zone is "Z" or "z")
            return "+00:00";
        var sign = zone[0];
        var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
        var hours = digits[..2];
        var minutes = digits.Length >= 4 ? digits[2..4] : "00";
        return $"{sign}{hours}:{minutes}";
    }
}
