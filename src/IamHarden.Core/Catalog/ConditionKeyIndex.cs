namespace IamHarden.Core.Catalog;

/// <summary>
/// Finds the definition of a concrete condition key among a set of definitions: an exact,
/// case-insensitive name match first, else the most specific template that the key fills in
/// (the one with the most literal characters, so <c>s3:ExistingObjectTag/&lt;key&gt;</c> wins over a
/// hypothetical <c>s3:${Any}</c>). Built once at load; lookups do not allocate.
/// </summary>
internal sealed class ConditionKeyIndex
{
    private readonly Dictionary<string, ConditionKeyDefinition> byLowerCaseName;
    private readonly ConditionKeyDefinition[] templatesMostSpecificFirst;

    /// <summary>When two definitions share a name, the first one given wins.</summary>
    public ConditionKeyIndex(IEnumerable<ConditionKeyDefinition> definitions)
    {
        byLowerCaseName = new Dictionary<string, ConditionKeyDefinition>(StringComparer.Ordinal);
        var templates = new List<ConditionKeyDefinition>();
        foreach (var definition in definitions)
        {
            if (!byLowerCaseName.TryAdd(definition.LowerCaseName, definition)) continue;
            if (definition.IsTemplate) templates.Add(definition);
        }
        templatesMostSpecificFirst = [.. templates.OrderByDescending(t => t.LiteralLength)];
    }

    /// <summary>The definition <paramref name="lowerCaseKey"/> names, or null.</summary>
    public ConditionKeyDefinition? Find(string lowerCaseKey)
    {
        if (byLowerCaseName.TryGetValue(lowerCaseKey, out var exact)) return exact;
        foreach (var template in templatesMostSpecificFirst)
        {
            if (template.Matches(lowerCaseKey)) return template;
        }
        return null;
    }
}
