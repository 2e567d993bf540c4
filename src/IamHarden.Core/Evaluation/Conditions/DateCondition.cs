using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Core.Evaluation.Conditions;

/// <summary>Date* operators: values compared as UTC instants (ISO 8601 forms or epoch seconds), never as strings.</summary>
internal sealed class DateCondition : CompiledCondition
{
    private readonly long[] _values;
    private readonly ConditionOperatorKind _kind;

    public DateCondition(Condition source) : base(source)
    {
        _kind = source.Operator.Kind;
        _values = source.Values.Select(v => AwsDate.TryParse(v.Value, out var t) ? t : throw new InvalidOperationException("unvalidated date value")).ToArray();
    }

    protected override bool MatchesAnyPolicyValue(ContextValue value, int index, RequestContext context)
    {
        var actual = value.GetDate(Key, index);
        foreach (var expected in _values)
        {
            bool match = _kind switch
            {
                ConditionOperatorKind.DateEquals or ConditionOperatorKind.DateNotEquals => actual == expected,
                ConditionOperatorKind.DateLessThan => actual < expected,
                ConditionOperatorKind.DateLessThanEquals => actual <= expected,
                ConditionOperatorKind.DateGreaterThan => actual > expected,
                _ => actual >= expected,
            };
            if (match) return true;
        }
        return false;
    }
}
