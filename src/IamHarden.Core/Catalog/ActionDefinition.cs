using System.Collections.Immutable;

namespace IamHarden.Core.Catalog;

/// <summary>
/// One action of the AWS action catalog (such as <c>iam:CreateUser</c>), as the Service
/// Authorization Reference describes it. Immutable; each action exists once per catalog, so
/// instances may be compared by reference.
/// </summary>
public sealed class ActionDefinition
{
    // Built on first use: most of the 20,000-odd actions are never printed.
    private string? fullName;

    internal ActionDefinition(ServiceDefinition service, string name, AccessLevel accessLevel,
        ImmutableArray<ActionResourceType> resourceTypes, ImmutableArray<ConditionKeyDefinition> conditionKeys,
        ImmutableArray<string> dependentActions, int index)
    {
        Service = service;
        Name = name;
        AccessLevel = accessLevel;
        ResourceTypes = resourceTypes;
        ConditionKeys = conditionKeys;
        DependentActions = dependentActions;
        Index = index;
    }

    /// <summary>The service the action belongs to.</summary>
    public ServiceDefinition Service { get; }

    /// <summary>The action's name without the service prefix, with the catalog's casing, e.g. "CreateUser".</summary>
    public string Name { get; }

    /// <summary>"prefix:Name" with the catalog's casing, e.g. "iam:CreateUser"; the form policies use.</summary>
    public string FullName => fullName ??= Service.Prefix + ":" + Name;

    /// <summary>How much the action can do (List, Read, Write, Permissions management, Tagging).</summary>
    public AccessLevel AccessLevel { get; }

    /// <summary>
    /// The resource types the action can act on, each with its required flag and its own condition
    /// keys. Empty for actions that support only <c>"Resource": "*"</c> (see <see cref="IsWildcardOnly"/>).
    /// </summary>
    public ImmutableArray<ActionResourceType> ResourceTypes { get; }

    /// <summary>Condition keys that apply to the action whatever resource it acts on (request keys such as aws:RequestTag/${TagKey}).</summary>
    public ImmutableArray<ConditionKeyDefinition> ConditionKeys { get; }

    /// <summary>Further actions ("svc:Action") a caller must also be allowed to perform this one.</summary>
    public ImmutableArray<string> DependentActions { get; }

    /// <summary>
    /// True when the action supports no resource-level permissions: a policy can grant it only
    /// with <c>"Resource": "*"</c> (such as <c>iam:ListUsers</c>).
    /// </summary>
    public bool IsWildcardOnly => ResourceTypes.IsEmpty;

    /// <summary>Position in <see cref="ActionCatalog.AllActions"/>.</summary>
    internal int Index { get; }

    public override string ToString() => FullName;
}
