using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Core.Evaluation.Conditions;

/// <summary>Bool: "true"/"false", case-insensitive; values may use policy variables.</summary>
internal sealed class BoolCondition : CompiledCondition
{
    private readonly VariableText[] _values;

    public BoolCondition(Condition source, bool substituteVariables) : base(source) =>
        _values = source.Values.Select(v => new VariableText(v.Value, substituteVariables)).ToArray();

    public override IEnumerable<string> VariableKeys => _values.SelectMany(v => v.VariableKeys);

    protected override bool MatchesAnyPolicyValue(ContextValue value, int index, RequestContext context)
    {
        var actual = value.GetBool(Key, index);
        foreach (var v in _values)
        {
            var text = v.Resolve(context);
            if (text is not null && AwsBool.TryParse(text, out var expected) && expected == actual) return true;
        }
        return false;
    }
}
