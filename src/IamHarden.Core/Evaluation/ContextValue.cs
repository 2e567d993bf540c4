using System.Net;
using IamHarden.Core.Values;

namespace IamHarden.Core.Evaluation;

/// <summary>
/// The value of one request-context key: a single string or a list of strings (multivalued keys
/// such as aws:TagKeys). An empty string and an empty list are present-but-null (spec §5.2).
/// The typed reading (IP, number, date, bool) of a single value is parsed once and cached, so
/// deciding many requests that share a context costs no repeated parsing.
/// </summary>
public sealed class ContextValue
{
    // A single value is kept as it is (no one-element array): an audit holds tens of thousands.
    private readonly string? _single;
    private readonly string[]? _list;

    // The typed reading of a single value, boxed (IPAddress, decimal, long or bool): a value is
    // read as one type in practice, so one slot serves. Benign races (same result) are fine.
    private object? _typed;

    private ContextValue(string? single, string[]? list)
    {
        _single = single;
        _list = list;
    }

    public static ContextValue Single(string value) => new(value, null);

    public static ContextValue List(IEnumerable<string> values) => new(null, values.ToArray());

    /// <summary>True when the request supplied a list (even of one element).</summary>
    public bool IsList => _list is not null;

    public int Count => _list?.Length ?? 1;

    public string this[int index] => _list is { } list ? list[index] : index == 0 ? _single! : throw new ArgumentOutOfRangeException(nameof(index));

    public IReadOnlyList<string> Values => _list ?? [_single!];

    /// <summary>Null in IAM's sense: an empty string or an empty list.</summary>
    public bool IsNull => _list is { } list ? list.Length == 0 : _single!.Length == 0;

    internal IPAddress GetIp(string key, int index)
    {
        if (_list is null && _typed is IPAddress cached) return cached;
        var text = this[index];
        if (!IpAddressText.TryParse(text, out var ip)) throw new RequestContextException(key, text, "an IP address");
        if (_list is null) _typed = ip;
        return ip;
    }

    internal decimal GetNumber(string key, int index)
    {
        if (_list is null && _typed is decimal cached) return cached;
        var text = this[index];
        if (!AwsNumber.TryParse(text, out var n)) throw new RequestContextException(key, text, "a number");
        if (_list is null) _typed = n;
        return n;
    }

    internal long GetDate(string key, int index)
    {
        if (_list is null && _typed is long cached) return cached;
        var text = this[index];
        if (!AwsDate.TryParse(text, out var ticks)) throw new RequestContextException(key, text, "a date (ISO 8601 or epoch seconds)");
        if (_list is null) _typed = ticks;
        return ticks;
    }

    internal bool GetBool(string key, int index)
    {
        if (_list is null && _typed is bool cached) return cached;
        var text = this[index];
        if (!AwsBool.TryParse(text, out var b)) throw new RequestContextException(key, text, "\"true\" or \"false\"");
        if (_list is null) _typed = b ? BoxedTrue : BoxedFalse;
        return b;
    }

    private static readonly object BoxedTrue = true, BoxedFalse = false;

    public override string ToString() => _list is { } list ? "[" + string.Join(", ", list) + "]" : _single!;
}
