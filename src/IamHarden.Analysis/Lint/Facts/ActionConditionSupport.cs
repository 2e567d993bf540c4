using System.Collections.Concurrent;
using System.Collections.Immutable;
using IamHarden.Core.Catalog;

namespace IamHarden.Analysis.Lint.Facts;

/// <summary>
/// Whether requests for an action can carry a condition key, by the Service Authorization
/// Reference: the action's own keys, the keys of the resource types it acts on, or a key its
/// service lists without tying it to any action.
/// </summary>
public static class ActionConditionSupport
{
    public static bool Supports(ActionDefinition action, ConditionKeyDefinition key)
    {
        if (Has(action.ConditionKeys, key)) return true;
        foreach (var type in action.ResourceTypes)
        {
            if (Has(type.ConditionKeys, key) || Has(type.ResourceType.ConditionKeys, key)) return true;
        }
        return Has(action.Service.ConditionKeys, key) && !IsTiedToActions(action.Service, key);
    }

    public static bool Has(ImmutableArray<ConditionKeyDefinition> keys, ConditionKeyDefinition key)
    {
        foreach (var k in keys)
            if (ReferenceEquals(k, key) || string.Equals(k.Name, key.Name, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly ConcurrentDictionary<(ServiceDefinition, ConditionKeyDefinition), bool> TiedToActions = new();

    /// <summary>Whether any action or resource type of the service lists the key (then only those support it).</summary>
    private static bool IsTiedToActions(ServiceDefinition service, ConditionKeyDefinition key) =>
        TiedToActions.GetOrAdd((service, key), k => ScanTiedToActions(k.Item1, k.Item2));

    private static bool ScanTiedToActions(ServiceDefinition service, ConditionKeyDefinition key) =>
        service.Actions.Any(a => Has(a.ConditionKeys, key) || a.ResourceTypes.Any(t => Has(t.ConditionKeys, key) || Has(t.ResourceType.ConditionKeys, key)));
}
