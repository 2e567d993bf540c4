using System.Collections.Immutable;

namespace IamHarden.Core.Catalog;

/// <summary>
/// A resource type an action can act on, as one row of the action's entry in the Service
/// Authorization Reference: the type, whether it is required, and the condition keys and
/// dependent actions that apply only when the action is used on this type. Immutable.
/// </summary>
public sealed class ActionResourceType
{
    internal ActionResourceType(ResourceTypeDefinition resourceType, bool isRequired,
        ImmutableArray<ConditionKeyDefinition> conditionKeys, ImmutableArray<string> dependentActions)
    {
        ResourceType = resourceType;
        IsRequired = isRequired;
        ConditionKeys = conditionKeys;
        DependentActions = dependentActions;
    }

    /// <summary>The resource type, defined by the action's own service.</summary>
    public ResourceTypeDefinition ResourceType { get; }

    /// <summary>The resource type's name, e.g. "object".</summary>
    public string Name => ResourceType.Name;

    /// <summary>
    /// True when AWS marks the type as required: a request for the action always names a
    /// resource of this type. False for types the action may, but need not, act on.
    /// </summary>
    public bool IsRequired { get; }

    /// <summary>Condition keys that apply when the action acts on this resource type.</summary>
    public ImmutableArray<ConditionKeyDefinition> ConditionKeys { get; }

    /// <summary>Further actions ("svc:Action") a caller must also be allowed for this combination.</summary>
    public ImmutableArray<string> DependentActions { get; }

    public override string ToString() => IsRequired ? $"{Name} (required)" : Name;
}
