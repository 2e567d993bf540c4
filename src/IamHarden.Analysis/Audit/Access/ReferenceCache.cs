namespace IamHarden.Analysis.Audit.Access;

/// <summary>
/// Values computed once per object (compared by reference), for one audit's lifetime. A
/// ConditionalWeakTable did this before, but each of its entries is a dependent GC handle, and
/// thousands of them (one per policy set and user) made every collection during a large audit
/// slower; the audit holds its policy sets alive anyway. Safe to use from several threads.
/// </summary>
internal sealed class ReferenceCache<TKey, TValue> where TKey : class
{
    private readonly Dictionary<TKey, TValue> _values = new(ReferenceEqualityComparer.Instance);

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        lock (_values)
            if (_values.TryGetValue(key, out var known)) return known;
        var made = create(key);
        lock (_values)
        {
            // Another thread may have made one meanwhile: keep the first, so every caller sees the same value.
            if (_values.TryGetValue(key, out var known)) return known;
            _values[key] = made;
        }
        return made;
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_values) return _values.TryGetValue(key, out value!);
    }

    public void Set(TKey key, TValue value)
    {
        lock (_values) _values[key] = value;
    }
}
