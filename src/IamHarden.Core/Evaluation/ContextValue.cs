using System.Net;
using IamHarden.Core.Values;

namespace IamHarden.Core.Evaluation;

/// <summary>
/// The value of one request-context key: a single string or a list of strings (multivalued keys
/// such as aws:TagKeys). An empty string and an empty list are present-but-null (spec §5.2).
/// Typed readings (IP, number, date, bool) of a single value are parsed once and cached, so
/// deciding many requests that share a context costs no repeated parsing.
/// </summary>
public sealed class ContextValue
{
    private readonly string[] _values;

    // Caches for the single-value case; benign races (same result) are fine.
    private IPAddress? _ip;
    private decimal? _number;
    private long? _date;
    private bool? _bool;

    private ContextValue(string[] values, bool isList)
    {
        _values = values;
        IsList = isList;
    }

    public static ContextValue Single(string value) => new([value], false);

    public static ContextValue List(IEnumerable<string> values) => new(values.ToArray(), true);

    /// <summary>True when the request supplied a list (even of one element).</summary>
    public bool IsList { get; }

    public int Count => _values.Length;

    public string this[int index] => _values[index];

    public IReadOnlyList<string> Values => _values;

    /// <summary>Null in IAM's sense: an empty string or an empty list.</summary>
    public bool IsNull => _values.Length == 0 || (!IsList && _values[0].Length == 0);

    internal IPAddress GetIp(string key, int index)
    {
        if (index == 0 && !IsList && _ip is { } cached) return cached;
        if (!IpAddressText.TryParse(_values[index], out var ip))
            throw new RequestContextException(key, _values[index], "an IP address");
        if (index == 0 && !IsList) _ip = ip;
        return ip;
    }

    internal decimal GetNumber(string key, int index)
    {
        if (index == 0 && !IsList && _number is { } cached) return cached;
        if (!AwsNumber.TryParse(_values[index], out var n))
            throw new RequestContextException(key, _values[index], "a number");
        if (index == 0 && !IsList) _number = n;
        return n;
    }

    internal long GetDate(string key, int index)
    {
        if (index == 0 && !IsList && _date is { } cached) return cached;
        if (!AwsDate.TryParse(_values[index], out var ticks))
            throw new RequestContextException(key, _values[index], "a date (ISO 8601 or epoch seconds)");
        if (index == 0 && !IsList) _date = ticks;
        return ticks;
    }

    internal bool GetBool(string key, int index)
    {
        if (index == 0 && !IsList && _bool is { } cached) return cached;
        if (!AwsBool.TryParse(_values[index], out var b))
            throw new RequestContextException(key, _values[index], "\"true\" or \"false\"");
        if (index == 0 && !IsList) _bool = b;
        return b;
    }

    public override string ToString() => IsList ? "[" + string.Join(", ", _values) + "]" : _values[0];
}
