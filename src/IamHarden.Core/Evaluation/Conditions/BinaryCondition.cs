using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Core.Evaluation.Conditions;

/// <summary>BinaryEquals: byte-for-byte equality of the base64-decoded values.</summary>
internal sealed class BinaryCondition : CompiledCondition
{
    private readonly byte[][] _values;

    public BinaryCondition(Condition source) : base(source) =>
        _values = source.Values.Select(v => AwsBinary.TryParse(v.Value, out var b) ? b : throw new InvalidOperationException("unvalidated binary value")).ToArray();

    protected override bool MatchesAnyPolicyValue(ContextValue value, int index, RequestContext context)
    {
        if (!AwsBinary.TryParse(value[index], out var actual))
            throw new RequestContextException(Key, value[index], "base64-encoded bytes");
        foreach (var expected in _values)
            if (actual.AsSpan().SequenceEqual(expected)) return true;
        return false;
    }
}
