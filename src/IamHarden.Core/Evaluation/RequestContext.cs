namespace IamHarden.Core.Evaluation;

/// <summary>
/// The condition keys of one request and their values. Keys are case-insensitive (spec §5.2).
/// The context holds exactly what its creator put in: the evaluator never invents keys, because
/// "key absent" is itself a case that matters (long-term access keys carry no
/// aws:MultiFactorAuthPresent; VPC endpoint calls carry no aws:SourceIp).
/// </summary>
public sealed class RequestContext
{
    private readonly Dictionary<string, ContextValue> _values;

    public RequestContext() => _values = new Dictionary<string, ContextValue>(StringComparer.OrdinalIgnoreCase);

    public RequestContext(IEnumerable<KeyValuePair<string, ContextValue>> values) : this()
    {
        foreach (var (key, value) in values) _values[key] = value;
    }

    /// <summary>A context with no keys at all.</summary>
    public static RequestContext Empty { get; } = new();

    public int Count => _values.Count;

    public IEnumerable<KeyValuePair<string, ContextValue>> Entries => _values;

    /// <summary>The value of <paramref name="key"/>, or null when the request does not carry it.</summary>
    public ContextValue? Find(string key) => _values.GetValueOrDefault(key);

    public bool Contains(string key) => _values.ContainsKey(key);

    public RequestContext Set(string key, string value)
    {
        _values[key] = ContextValue.Single(value);
        return this;
    }

    /// <summary>Sets a value that may be shared with other contexts (its typed readings are cached once for all).</summary>
    public RequestContext Set(string key, ContextValue value)
    {
        _values[key] = value;
        return this;
    }

    public RequestContext SetList(string key, IEnumerable<string> values)
    {
        _values[key] = ContextValue.List(values);
        return this;
    }

    public RequestContext Remove(string key)
    {
        _values.Remove(key);
        return this;
    }

    /// <summary>A copy that can be changed without touching this one.</summary>
    public RequestContext Clone() => new(_values);

    /// <summary>Resolves a single-valued key for policy-variable substitution; lists do not resolve (spec §6).</summary>
    public string? ResolveVariable(string key) =>
        _values.TryGetValue(key, out var v) && !v.IsList ? v[0] : null;

    public override string ToString() =>
        "{" + string.Join(", ", _values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")) + "}";
}
