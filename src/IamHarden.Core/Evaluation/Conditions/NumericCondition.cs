using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Core.Evaluation.Conditions;

/// <summary>Numeric* operators: decimal comparison, so "10" equals "10.0".</summary>
internal sealed class NumericCondition : CompiledCondition
{
    private readonly decimal[] _values;
    private readonly ConditionOperatorKind _kind;

    public NumericCondition(Condition source) : base(source)
    {
        _kind = source.Operator.Kind;
        _values = source.Values.Select(v => AwsNumber.TryParse(v.Value, out var n) ? n : throw new InvalidOperationException("unvalidated numeric value")).ToArray();
    }

    protected override bool MatchesAnyPolicyValue(ContextValue value, int index, RequestContext context)
    {
        var actual = value.GetNumber(Key, index);
        foreach (var expected in _values)
        {
            bool match = _kind switch
            {
                ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals => actual == expected,
                ConditionOperatorKind.NumericLessThan => actual < expected,
                ConditionOperatorKind.NumericLessThanEquals => actual <= expected,
                ConditionOperatorKind.NumericGreaterThan => actual > expected,
                _ => actual >= expected,
            };
            if (match) return true;
        }
        return false;
    }
}
