using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Core.Evaluation.Conditions;

/// <summary>
/// Null: "true" holds when the key is absent or null (empty string, empty list); "false" when it
/// is present with a value (spec §5.5). Several values are ORed. Set qualifiers do not change it.
/// </summary>
internal sealed class NullCondition : CompiledCondition
{
    private readonly bool[] _expectAbsent;

    public NullCondition(Condition source) : base(source) =>
        _expectAbsent = source.Values.Select(v => AwsBool.TryParse(v.Value, out var b) ? b : throw new InvalidOperationException("unvalidated Null value")).ToArray();

    public override bool Evaluate(RequestContext context)
    {
        var value = context.Find(Key);
        bool isNull = value is null || value.IsNull;
        foreach (var expectAbsent in _expectAbsent)
            if (expectAbsent == isNull) return true;
        return false;
    }

    protected override bool MatchesAnyPolicyValue(ContextValue value, int index, RequestContext context) =>
        throw new InvalidOperationException("Null is evaluated as a whole");
}
