using System.Globalization;
using System.Xml.Linq;

namespace IamHarden.Aws;

/// <summary>Namespace-agnostic reading of Query API answers (IAM and STS use different XML namespaces).</summary>
internal static class XElementExtensions
{
    public static XElement? Child(this XElement element, string localName)
    {
        foreach (var child in element.Elements())
        {
            if (child.Name.LocalName == localName)
                return child;
        }
        return null;
    }

    public static string? ChildText(this XElement element, string localName) => element.Child(localName)?.Value;

    public static string RequiredText(this XElement element, string localName) =>
        element.ChildText(localName)
        ?? throw new AwsProtocolException($"AWS's answer lacks <{localName}> inside <{element.Name.LocalName}>.");

    /// <summary>The <c>&lt;member&gt;</c> items of a list; an absent or empty list gives none.</summary>
    public static IEnumerable<XElement> Members(this XElement element, string listName) =>
        element.Child(listName)?.Elements() ?? [];

    public static bool ChildBool(this XElement element, string localName) => element.ChildText(localName) == "true";

    public static bool? ChildOptionalBool(this XElement element, string localName) =>
        element.ChildText(localName) is { } text ? text == "true" : null;

    public static int? ChildInt(this XElement element, string localName)
    {
        var text = element.ChildText(localName);
        if (text is null)
            return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new AwsProtocolException($"<{localName}> is not an integer: '{text}'.");
    }

    public static DateTimeOffset? ChildDate(this XElement element, string localName)
    {
        var text = element.ChildText(localName);
        if (string.IsNullOrEmpty(text))
            return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new AwsProtocolException($"<{localName}> is not a timestamp: '{text}'.");
    }

    public static DateTimeOffset RequiredDate(this XElement element, string localName) =>
        element.ChildDate(localName)
        ?? throw new AwsProtocolException($"AWS's answer lacks <{localName}> inside <{element.Name.LocalName}>.");
}
