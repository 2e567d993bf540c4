using System.Globalization;

namespace IamHarden.Core.Values;

/// <summary>Numeric condition values: integers and decimals compared by value ("10" equals "10.0").</summary>
public static class AwsNumber
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out value) && text.Length > 0 && !char.IsWhiteSpace(text[0]);
}
