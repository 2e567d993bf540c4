using IamHarden.Core.Policy;

namespace IamHarden.Core.Evaluation.Conditions;

/// <summary>
/// One operator/key condition compiled for fast evaluation. The base class owns the rules that
/// are the same for every family (spec §5.1, §5.3, §5.6, §5.7): absent keys, IfExists, negation
/// (NOR over the policy values), set qualifiers, and plain operators on list values. A family
/// only says whether one context value matches any of the policy values.
/// </summary>
internal abstract class CompiledCondition(Condition source)
{
    public Condition Source { get; } = source;
    public string Key { get; } = source.Key.Value;
    protected SetQualifier Qualifier { get; } = source.Operator.Qualifier;
    protected bool IfExists { get; } = source.Operator.IfExists;
    protected bool Negated { get; } = source.Operator.IsNegated;

    /// <summary>Keys of policy variables in the values (their absence is worth reporting).</summary>
    public virtual IEnumerable<string> VariableKeys => [];

    /// <summary>Whether the condition holds for a request with this context.</summary>
    public virtual bool Evaluate(RequestContext context)
    {
        var value = context.Find(Key);
        switch (Qualifier)
        {
            case SetQualifier.ForAllValues:
                // Absent or empty: vacuously true — the reason AWS warns about ForAllValues with Allow.
                if (value is null || value.IsNull) return true;
                for (int i = 0; i < value.Count; i++)
                    if (!Satisfies(value, i, context)) return false;
                return true;
            case SetQualifier.ForAnyValue:
                // IfExists has no effect here [observed, spec §5.6 / CI04].
                if (value is null || value.IsNull) return false;
                for (int i = 0; i < value.Count; i++)
                    if (Satisfies(value, i, context)) return true;
                return false;
            default:
                if (value is null) return IfExists || Negated;
                // A plain operator against a list-valued entry is false, negated or not [impl, spec §5.7].
                if (value.IsList) return false;
                return Satisfies(value, 0, context);
        }
    }

    private bool Satisfies(ContextValue value, int index, RequestContext context)
    {
        bool matches = MatchesAnyPolicyValue(value, index, context);
        return Negated ? !matches : matches;
    }

    /// <summary>
    /// True when element <paramref name="index"/> of the context value matches at least one policy
    /// value under the base (positive) form of the operator. Policy values whose variables cannot
    /// be resolved match nothing (spec §6).
    /// </summary>
    protected abstract bool MatchesAnyPolicyValue(ContextValue value, int index, RequestContext context);
}
