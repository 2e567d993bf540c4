namespace IamHarden.Core.Text;

/// <summary>
/// Did-you-mean suggestions: the closest candidate by case-insensitive edit distance
/// (optimal string alignment: insertions, deletions, substitutions and adjacent transpositions).
/// </summary>
public static class FuzzyMatch
{
    /// <summary>
    /// The best candidate within a distance proportional to the input's length (about one edit per
    /// three characters, at least one), or null when nothing is close enough.
    /// </summary>
    public static string? Best(string input, IEnumerable<string> candidates, int? maxDistance = null)
    {
        int limit = maxDistance ?? Math.Max(1, input.Length / 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - input.Length) > limit) continue;
            int d = Distance(input, candidate, limit);
            if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>Case-insensitive edit distance; stops early (returning limit+1) once it exceeds <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        int n = a.Length, m = b.Length;
        var previous2 = new int[m + 1];
        var previous = new int[m + 1];
        var current = new int[m + 1];
        for (int j = 0; j <= m; j++) previous[j] = j;
        for (int i = 1; i <= n; i++)
        {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= m; j++)
            {
                char ca = char.ToLowerInvariant(a[i - 1]), cb = char.ToLowerInvariant(b[j - 1]);
                int cost = ca == cb ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == cb)
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > limit) return limit + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[m];
    }
}
