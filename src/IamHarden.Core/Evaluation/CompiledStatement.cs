using IamHarden.Core.Evaluation.Conditions;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Evaluation;

/// <summary>A statement compiled into matchers; decides whether it applies to a request (spec §1.2).</summary>
internal sealed class CompiledStatement
{
    private readonly ActionMatcher _actions;
    private readonly ResourceMatcher? _resources;
    private readonly PrincipalMatcher? _principal;
    private readonly CompiledCondition[] _conditions;

    public CompiledStatement(Statement source, bool substituteVariables)
    {
        Source = source;
        _actions = new ActionMatcher(source.Actions);
        _resources = source.Resources is null ? null : new ResourceMatcher(source.Resources, substituteVariables);
        _principal = source.Principal is null ? null : new PrincipalMatcher(source.Principal);
        _conditions = source.Conditions.Select(c => ConditionCompiler.Compile(c, substituteVariables)).ToArray();
    }

    public Statement Source { get; }
    public bool IsDeny => Source.Effect == Effect.Deny;
    public bool HasPrincipal => _principal is not null;

    /// <summary>The statement's Action/NotAction covers the request's action.</summary>
    public bool CoversAction(AuthorizationRequest request) => _actions.Covers(request.Action);

    /// <summary>The statement's Resource/NotResource covers the request's resource (always true without one).</summary>
    public bool CoversResource(AuthorizationRequest request) => _resources is null || _resources.Covers(request.Resource, request.Context);

    public bool ConditionsHold(RequestContext context)
    {
        foreach (var condition in _conditions)
            if (!condition.Evaluate(context)) return false;
        return true;
    }

    /// <summary>How the Principal element names the caller; statements without Principal name everyone they are attached to.</summary>
    public PrincipalGrant GrantFor(PrincipalIdentity caller) => _principal?.GrantFor(caller) ?? PrincipalGrant.Direct;

    /// <summary>Keys of the policy variables in Resource/NotResource: needed to tell whether the resource is covered.</summary>
    public IEnumerable<string> ResourceVariableKeys => _resources?.VariableKeys ?? [];

    /// <summary>Condition keys and the keys of variables in condition values, for MissingContextValues.</summary>
    public IEnumerable<string> ConditionKeys => _conditions.Select(c => c.Key).Concat(_conditions.SelectMany(c => c.VariableKeys));
}
