namespace IamHarden.Analysis.Audit.Access;

/// <summary>
/// A sequence that is produced once, as far as it is read, and replayed from memory afterwards:
/// the search walks the same contexts for many actions but usually stops after a few.
/// </summary>
internal sealed class LazyList<T>(IEnumerable<T> source) : IEnumerable<T>
{
    private readonly List<T> _made = [];
    private IEnumerator<T>? _source = source.GetEnumerator();

    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; ; i++)
        {
            if (i < _made.Count) { yield return _made[i]; continue; }
            if (_source is null) yield break;
            if (!_source.MoveNext()) { _source.Dispose(); _source = null; yield break; }
            _made.Add(_source.Current);
            yield return _made[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
