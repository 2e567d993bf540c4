namespace IamHarden.Core.Evaluation;

/// <summary>
/// The condition keys of one request and their values. Keys are case-insensitive (spec §5.2).
/// The context holds exactly what its creator put in: the evaluator never invents keys, because
/// "key absent" is itself a case that matters (long-term access keys carry no
/// aws:MultiFactorAuthPresent; VPC endpoint calls carry no aws:SourceIp).
/// </summary>
public sealed class RequestContext
{
    // A request carries a handful of keys: a small array searched in order beats hashing the key
    // case-insensitively on every condition, and costs two small allocations per request (the
    // context and its entries). Past IndexThreshold keys an index takes over, so a hostile line
    // with thousands of keys stays linear.
    private const int IndexThreshold = 16;
    private Dictionary<string, int>? _index;
    private Entry[] _entries;
    private int _count;
    private readonly bool _readOnly;

    private struct Entry
    {
        public string Key;
        public ContextValue Value;
    }

    public RequestContext() : this(4) { }

    private RequestContext(int capacity, bool readOnly = false)
    {
        _entries = capacity == 0 ? [] : new Entry[capacity];
        _readOnly = readOnly;
    }

    public RequestContext(IEnumerable<KeyValuePair<string, ContextValue>> values) : this()
    {
        foreach (var (key, value) in values) Set(key, value);
    }

    /// <summary>A context with no keys at all (shared, so it cannot be changed).</summary>
    public static RequestContext Empty { get; } = new(0, readOnly: true);

    public int Count => _count;

    /// <summary>The keys and values, in the order they were first set.</summary>
    public IEnumerable<KeyValuePair<string, ContextValue>> Entries
    {
        get
        {
            for (int i = 0; i < _count; i++) yield return KeyValuePair.Create(_entries[i].Key, _entries[i].Value);
        }
    }

    /// <summary>The value of <paramref name="key"/>, or null when the request does not carry it.</summary>
    public ContextValue? Find(string key)
    {
        int i = IndexOf(key);
        return i >= 0 ? _entries[i].Value : null;
    }

    public bool Contains(string key) => IndexOf(key) >= 0;

    public RequestContext Set(string key, string value) => Set(key, ContextValue.Single(value));

    /// <summary>Sets a value that may be shared with other contexts (its typed readings are cached once for all).</summary>
    public RequestContext Set(string key, ContextValue value)
    {
        if (_readOnly) throw new InvalidOperationException("RequestContext.Empty cannot be changed; create a new RequestContext");
        int i = IndexOf(key);
        if (i >= 0)
        {
            _entries[i].Value = value;
            return this;
        }
        if (_count == _entries.Length) Array.Resize(ref _entries, Math.Max(4, _count * 2));
        _entries[_count] = new Entry { Key = key, Value = value };
        _index?.Add(key, _count);
        _count++;
        if (_index is null && _count > IndexThreshold) BuildIndex();
        return this;
    }

    public RequestContext SetList(string key, IEnumerable<string> values) => Set(key, ContextValue.List(values));

    public RequestContext Remove(string key)
    {
        if (_readOnly) throw new InvalidOperationException("RequestContext.Empty cannot be changed; create a new RequestContext");
        int i = IndexOf(key);
        if (i < 0) return this;
        Array.Copy(_entries, i + 1, _entries, i, _count - i - 1);
        _count--;
        _entries[_count] = default;
        if (_index is not null) BuildIndex();
        return this;
    }

    private void BuildIndex()
    {
        _index = new Dictionary<string, int>(_count * 2, StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < _count; i++) _index[_entries[i].Key] = i;
    }

    /// <summary>Keys compare case-insensitively (spec §5.2).</summary>
    private int IndexOf(string key)
    {
        if (_index is not null) return _index.TryGetValue(key, out var at) ? at : -1;
        var entries = _entries;
        for (int i = 0; i < _count; i++)
        {
            var candidate = entries[i].Key;
            if (ReferenceEquals(candidate, key) || (candidate.Length == key.Length && string.Equals(candidate, key, StringComparison.OrdinalIgnoreCase)))
                return i;
        }
        return -1;
    }

    /// <summary>A copy that can be changed without touching this one (room for two more keys: callers usually add some).</summary>
    public RequestContext Clone()
    {
        var copy = new RequestContext(_count + 2);
        Array.Copy(_entries, copy._entries, _count);
        copy._count = _count;
        if (_index is not null) copy.BuildIndex();
        return copy;
    }

    /// <summary>Resolves a single-valued key for policy-variable substitution; lists do not resolve (spec §6).</summary>
    public string? ResolveVariable(string key) => Find(key) is { IsList: false } v ? v[0] : null;

    public override string ToString() =>
        "{" + string.Join(", ", Entries.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")) + "}";
}
