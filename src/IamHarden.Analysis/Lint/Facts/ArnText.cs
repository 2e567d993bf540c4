namespace IamHarden.Analysis.Lint.Facts;

/// <summary>
/// An ARN (or Resource pattern) split into its components: partition, service, region, account and
/// the resource part (everything after the fifth colon, colons included). Colons inside a policy
/// variable such as ${aws:username} do not split.
/// </summary>
public sealed record ArnText(string Partition, string Service, string Region, string Account, string Resource, int ComponentCount)
{
    /// <summary>Splits <paramref name="text"/>, which must start with "arn:"; fewer than six components give a <see cref="ComponentCount"/> below 6.</summary>
    public static ArnText Split(string text)
    {
        var parts = new List<string>(6);
        int start = 0, depth = 0;
        for (int i = 0; i < text.Length && parts.Count < 5; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{') depth++;
            else if (text[i] == '}' && depth > 0) depth--;
            else if (text[i] == ':' && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        int count = parts.Count;
        while (parts.Count < 6) parts.Add("");
        return new ArnText(parts[1], parts[2], parts[3], parts[4], parts[5], count);
    }

    /// <summary>True when a component holds a wildcard or a policy variable, so its exact value is not known.</summary>
    public static bool IsPattern(string component) =>
        component.AsSpan().IndexOfAny('*', '?') >= 0 || component.Contains("${", StringComparison.Ordinal);
}
