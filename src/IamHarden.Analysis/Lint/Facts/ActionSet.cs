using System.Numerics;
using IamHarden.Core.Catalog;

namespace IamHarden.Analysis.Lint.Facts;

/// <summary>
/// A set of catalog actions as a bit set over <see cref="ActionCatalog.AllActions"/>: what an
/// Action or NotAction element covers, so statements can be compared (redundant, shadowed) in a
/// few hundred word operations.
/// </summary>
public sealed class ActionSet
{
    private readonly ulong[] _bits;

    internal ActionSet(int size) => _bits = new ulong[(size + 63) / 64];

    private ActionSet(ulong[] bits) => _bits = bits;

    public int Count
    {
        get
        {
            int count = 0;
            foreach (var word in _bits) count += BitOperations.PopCount(word);
            return count;
        }
    }

    public bool IsEmpty => Array.TrueForAll(_bits, w => w == 0);

    internal void Add(int index) => _bits[index >> 6] |= 1UL << (index & 63);

    public bool Contains(int index) => (_bits[index >> 6] & (1UL << (index & 63))) != 0;

    /// <summary>Every action not in this set (what NotAction covers), limited to <paramref name="size"/> actions.</summary>
    internal ActionSet Complement(int size)
    {
        var bits = new ulong[_bits.Length];
        for (int i = 0; i < bits.Length; i++) bits[i] = ~_bits[i];
        int spare = bits.Length * 64 - size;
        if (spare > 0) bits[^1] &= ulong.MaxValue >> spare;
        return new ActionSet(bits);
    }

    public bool IsSubsetOf(ActionSet other)
    {
        for (int i = 0; i < _bits.Length; i++)
            if ((_bits[i] & ~other._bits[i]) != 0) return false;
        return true;
    }

    public bool Overlaps(ActionSet other)
    {
        for (int i = 0; i < _bits.Length; i++)
            if ((_bits[i] & other._bits[i]) != 0) return true;
        return false;
    }

    /// <summary>The indexes of the actions in the set, in catalog order.</summary>
    public IEnumerable<int> Indexes()
    {
        for (int word = 0; word < _bits.Length; word++)
        {
            ulong bits = _bits[word];
            while (bits != 0)
            {
                int bit = BitOperations.TrailingZeroCount(bits);
                yield return word * 64 + bit;
                bits &= bits - 1;
            }
        }
    }
}
