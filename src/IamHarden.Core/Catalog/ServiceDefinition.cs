using System.Collections.Immutable;

namespace IamHarden.Core.Catalog;

/// <summary>
/// One AWS service of the catalog: its prefix (the part before the colon in an action, such as
/// "iam"), its display name, and everything it defines: actions, resource types and condition
/// keys. Immutable once the catalog has loaded.
/// </summary>
public sealed class ServiceDefinition
{
    private Dictionary<string, ActionDefinition> actionsByName = [];
    private Dictionary<string, ResourceTypeDefinition> resourceTypesByName = [];

    internal ServiceDefinition(string prefix, string name, bool isRcpSupported, ImmutableArray<ConditionKeyDefinition> conditionKeys)
    {
        Prefix = prefix;
        Name = name;
        IsRcpSupported = isRcpSupported;
        ConditionKeys = conditionKeys;
        ConditionKeyIndex = new ConditionKeyIndex(conditionKeys);
    }

    /// <summary>The service prefix, e.g. "s3" (lower-case in the catalog).</summary>
    public string Prefix { get; }

    /// <summary>The display name, e.g. "Amazon S3".</summary>
    public string Name { get; }

    /// <summary>True when resource control policies (RCPs) apply to this service.</summary>
    public bool IsRcpSupported { get; }

    /// <summary>The service's actions, sorted by name (case-insensitive).</summary>
    public ImmutableArray<ActionDefinition> Actions { get; private set; } = [];

    /// <summary>The service's resource types, sorted by name (case-insensitive).</summary>
    public ImmutableArray<ResourceTypeDefinition> ResourceTypes { get; private set; } = [];

    /// <summary>
    /// The condition keys the service's reference page lists: its own keys and the global ones it
    /// names (such as aws:RequestTag/${TagKey}). Global keys apply to every service even when absent here.
    /// </summary>
    public ImmutableArray<ConditionKeyDefinition> ConditionKeys { get; }

    internal ConditionKeyIndex ConditionKeyIndex { get; }

    /// <summary>The action named <paramref name="actionName"/> (without prefix, case-insensitive), or null.</summary>
    public ActionDefinition? FindAction(string actionName) => FindAction(actionName.AsSpan());

    /// <summary>The resource type named <paramref name="resourceTypeName"/> (case-insensitive), or null.</summary>
    public ResourceTypeDefinition? FindResourceType(string resourceTypeName) =>
        resourceTypesByName.GetValueOrDefault(resourceTypeName);

    /// <summary>Called once by the reader, after the actions (which refer back to this service) exist.</summary>
    internal void Complete(ImmutableArray<ResourceTypeDefinition> resourceTypes, ImmutableArray<ActionDefinition> actions)
    {
        ResourceTypes = resourceTypes;
        Actions = actions;
        resourceTypesByName = resourceTypes.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        actionsByName = actions.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Position of the service's first action in <see cref="ActionCatalog.AllActions"/>; its actions follow it contiguously.</summary>
    internal int FirstActionIndex => Actions.IsEmpty ? 0 : Actions[0].Index;

    /// <summary>Allocation-free lookup for callers that already hold the name as a slice.</summary>
    internal ActionDefinition? FindAction(ReadOnlySpan<char> actionName) =>
        actionsByName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(actionName, out var action) ? action : null;

    public override string ToString() => $"{Prefix} ({Name})";
}
