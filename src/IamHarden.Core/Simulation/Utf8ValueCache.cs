using System.Text;
using IamHarden.Core.Evaluation;

namespace IamHarden.Core.Simulation;

/// <summary>
/// Turns short UTF-8 JSON strings that repeat from line to line (context keys, actions, resources,
/// values such as "true" or a source IP) into shared .NET strings and shared
/// <see cref="ContextValue"/>s, so a million-line batch does not allocate and re-parse them a
/// million times. A fixed table: a colliding newcomer replaces the old entry. Not thread-safe;
/// one per <see cref="BatchLineParser"/>.
/// </summary>
internal sealed class Utf8ValueCache
{
    private const int Slots = 4096;
    private const int MaxBytes = 96;

    private readonly Entry?[] _table = new Entry?[Slots];

    private sealed class Entry(byte[] utf8, string text)
    {
        public byte[] Utf8 { get; } = utf8;
        public string Text { get; } = text;
        public ContextValue? Value { get; set; }
    }

    /// <summary>The string of an unescaped UTF-8 token (already validated as UTF-8).</summary>
    public string GetString(ReadOnlySpan<byte> utf8) => Find(utf8)?.Text ?? Encoding.UTF8.GetString(utf8);

    /// <summary>A single-valued context entry for the token; parsed typed readings are shared with every line that repeats it.</summary>
    public ContextValue GetSingleValue(ReadOnlySpan<byte> utf8)
    {
        var entry = Find(utf8);
        if (entry is null) return ContextValue.Single(Encoding.UTF8.GetString(utf8));
        return entry.Value ??= ContextValue.Single(entry.Text);
    }

    private Entry? Find(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes) return null;
        int slot = (int)(Hash(utf8) & (Slots - 1));
        var entry = _table[slot];
        if (entry is not null && utf8.SequenceEqual(entry.Utf8)) return entry;
        entry = new Entry(utf8.ToArray(), Encoding.UTF8.GetString(utf8));
        _table[slot] = entry;
        return entry;
    }

    /// <summary>FNV-1a: cheap and good enough to spread a few thousand short keys.</summary>
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        uint hash = 2166136261;
        foreach (var b in bytes) hash = (hash ^ b) * 16777619;
        return hash;
    }
}
