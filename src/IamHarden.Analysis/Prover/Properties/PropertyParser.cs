using IamHarden.Core.Catalog;
using IamHarden.Core.Text;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Prover.Properties;

/// <summary>
/// Reads a property as written after --property: NAME or NAME=VALUE,VALUE,... Unknown names get
/// a did-you-mean; values are checked (CIDRs parse, actions exist) with the column of the bad one.
/// </summary>
public static class PropertyParser
{
    /// <summary>The property names, for help and suggestions.</summary>
    public static readonly IReadOnlyList<string> Names = ["mfa", "mfa-enrollable", "source-ip", "never"];

    public static VerificationProperty Parse(string text, PropertyOptions? options = null)
    {
        options ??= new PropertyOptions();
        int equals = text.IndexOf('=');
        var name = (equals < 0 ? text : text[..equals]).Trim();
        var values = equals < 0 ? null : Split(text, equals + 1);
        switch (name)
        {
            case "mfa":
                if (values is null) return new MfaProperty();
                return new MfaProperty(NonEmpty(values, text, "an action pattern such as iam:ChangePassword").Select(v => Pattern(v, "mfa").Value).ToList());
            case "mfa-enrollable":
                if (values is null) return new MfaEnrollableProperty(mustResetPassword: options.MustResetPassword);
                var actions = NonEmpty(values, text, "an enrolment action such as iam:EnableMFADevice");
                foreach (var (value, column) in actions)
                {
                    if (ActionCatalog.Default.FindAction(value) is null)
                    {
                        var suggestion = ActionCatalog.Default.SuggestAction(value);
                        throw new PropertyParseException($"\"{value}\" is not an action of the catalog" + (suggestion is null ? "" : $"; did you mean \"{suggestion}\"?"), column);
                    }
                    try { MfaEnrollableProperty.TargetOf(value); }
                    catch (ArgumentException ex) { throw new PropertyParseException(ex.Message, column); }
                }
                return new MfaEnrollableProperty(actions.Select(a => a.Value).ToList(), options.MustResetPassword);
            case "source-ip":
                if (values is null) throw new PropertyParseException("source-ip needs the approved ranges: source-ip=203.0.113.0/24,2001:db8::/32", text.Length + 1);
                var cidrs = NonEmpty(values, text, "a CIDR such as 203.0.113.0/24");
                var ranges = new List<IpRange>();
                foreach (var (value, column) in cidrs)
                {
                    if (!IpRange.TryParse(value, out var range))
                        throw new PropertyParseException($"\"{value}\" is not an IPv4 or IPv6 address or CIDR (e.g. 203.0.113.0/24 or 2001:db8::/32)", column);
                    ranges.Add(range);
                }
                return new SourceIpProperty(ranges, cidrs.Select(c => c.Value).ToList(), options.AllowServiceCalls, options.AllowVpcEndpointCalls);
            case "never":
                if (values is not { Count: 1 })
                    throw new PropertyParseException("never takes one action pattern: never=iam:CreateAccessKey or never=iam:*", (values is null ? text.Length : equals) + 1);
                return new NeverProperty(Pattern(values[0], "never").Value);
            default:
                var nearest = FuzzyMatch.Best(name, Names, Math.Max(2, name.Length / 2));
                throw new PropertyParseException($"unknown property \"{name}\"" + (nearest is null ? $"; the properties are {string.Join(", ", Names)}" : $"; did you mean \"{nearest}\"?"), 1);
        }
    }

    private static (string Value, int Column) Pattern((string Value, int Column) value, string property)
    {
        var text = value.Value;
        if (text != "*" && (text.IndexOf(':') <= 0 || text.EndsWith(':')))
            throw new PropertyParseException($"{property}: \"{text}\" is not an action pattern; expected service:Action, e.g. iam:CreateAccessKey or s3:*", value.Column);
        // A misspelt action name would make the property about an action nobody calls (never=iam:CreatUser
        // proves nothing about iam:CreateUser); a wildcard still reaches actions newer than the catalog.
        if (text.IndexOfAny(['*', '?']) < 0 && ActionCatalog.Default.FindAction(text) is null)
        {
            var suggestion = ActionCatalog.Default.SuggestAction(text);
            throw new PropertyParseException($"{property}: \"{text}\" is not an action of the catalog"
                + (suggestion is null ? "" : $"; did you mean \"{suggestion}\"?") + " (for an action newer than the catalog, write a pattern such as iam:NewAction*)", value.Column);
        }
        return value;
    }

    private static List<(string Value, int Column)> NonEmpty(List<(string Value, int Column)> values, string text, string expected)
    {
        foreach (var (value, column) in values)
            if (value.Length == 0) throw new PropertyParseException($"empty value; expected {expected}", column);
        return values;
    }

    /// <summary>Comma-separated values after position <paramref name="start"/>, each with its 1-based column.</summary>
    private static List<(string, int)> Split(string text, int start)
    {
        var result = new List<(string, int)>();
        int from = start;
        for (int i = start; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != ',') continue;
            var raw = text[from..i];
            int lead = raw.Length - raw.TrimStart().Length;
            result.Add((raw.Trim(), from + lead + 1));
            from = i + 1;
        }
        return result;
    }
}
