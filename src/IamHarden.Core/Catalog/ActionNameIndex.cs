using System.Runtime.CompilerServices;

namespace IamHarden.Core.Catalog;

/// <summary>
/// The lower-cased full names of all actions ("s3:getobject"), laid end to end in one buffer
/// in <see cref="ActionCatalog.AllActions"/> order, one per line. Wildcard expansion matches
/// against slices of it without allocating, and a pattern's longest literal piece is searched for
/// across the whole buffer at once (a vectorised scan), so only the few actions that contain it
/// are tested against the full pattern. The reader builds it while it reads the actions, when
/// their names are at hand; a separate pass over 22,000 action objects afterwards costs several
/// times more.
/// </summary>
internal sealed class ActionNameIndex
{
    private const char Separator = '\n';

    private readonly char[] text;
    private readonly int[] starts; // starts[i] = offset of action i; starts[count] = end sentinel
    private readonly int[] nameStarts; // offset of the part after the colon

    private ActionNameIndex(char[] text, int[] starts, int[] nameStarts)
    {
        this.text = text;
        this.starts = starts;
        this.nameStarts = nameStarts;
    }

    public int Count => nameStarts.Length;

    /// <summary>"prefix:name", lower-cased, of action <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> FullName(int index) => text.AsSpan(starts[index], starts[index + 1] - 1 - starts[index]);

    /// <summary>The action name without prefix, lower-cased, of action <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> Name(int index) => text.AsSpan(nameStarts[index], starts[index + 1] - 1 - nameStarts[index]);

    /// <summary>
    /// Adds the indexes of the actions whose full name matches <paramref name="glob"/>, in order.
    /// Every match contains the glob's longest literal piece, so only actions holding that piece are tested.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddMatches(LowercaseGlob glob, List<int> matches)
    {
        string anchor = glob.LongestLiteralPiece;
        if (anchor.Length == 0)
        {
            for (int i = 0; i < Count; i++)
            {
                if (glob.IsMatch(FullName(i))) matches.Add(i);
            }
            return;
        }
        int position = 0, action = 0;
        while (position < text.Length)
        {
            int found = text.AsSpan(position).IndexOf(anchor.AsSpan());
            if (found < 0) break;
            action = ActionAt(position + found, action);
            if (glob.IsMatch(FullName(action))) matches.Add(action);
            position = starts[action + 1];
        }
    }

    /// <summary>The action whose line holds <paramref name="offset"/>, searching from action <paramref name="from"/> on.</summary>
    private int ActionAt(int offset, int from)
    {
        int index = Array.BinarySearch(starts, from, starts.Length - from, offset);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>Collects the names in catalog order; <see cref="Build"/> freezes them.</summary>
    internal sealed class Builder(int capacityHint)
    {
        private char[] text = new char[Math.Max(capacityHint, 1024)];
        private int length;
        private readonly List<int> starts = [];
        private readonly List<int> nameStarts = [];

        // Called once per action while the catalog loads; see CatalogReader for why optimised at once.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(string servicePrefix, string actionName)
        {
            int needed = servicePrefix.Length + actionName.Length + 2;
            if (length + needed > text.Length) Array.Resize(ref text, Math.Max(text.Length * 2, length + needed));
            starts.Add(length);
            AppendLowerCase(servicePrefix);
            text[length++] = ':';
            nameStarts.Add(length);
            AppendLowerCase(actionName);
            text[length++] = Separator;
        }

        public ActionNameIndex Build()
        {
            Array.Resize(ref text, length);
            return new ActionNameIndex(text, [.. starts, length], [.. nameStarts]);
        }

        // Names are ASCII (the generator checks), so a plain loop does; the culture-aware
        // MemoryExtensions.ToLowerInvariant costs milliseconds to compile on first use.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void AppendLowerCase(string name)
        {
            foreach (char c in name) text[length++] = c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : char.ToLowerInvariant(c);
        }
    }
}
