using IamHarden.Core.Matching;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Evaluation.Conditions;

/// <summary>
/// ArnEquals/ArnLike/ArnNotEquals/ArnNotLike: compared component by component, case-sensitive;
/// wildcards work in all four and never cross a colon before the resource part (spec §4.2).
/// A context value that is not a six-component ARN matches nothing.
/// </summary>
internal sealed class ArnCondition : CompiledCondition
{
    private readonly VariableText[] _values;
    private readonly WildcardPattern?[] _constantPatterns;

    public ArnCondition(Condition source, bool substituteVariables) : base(source)
    {
        _values = source.Values.Select(v => new VariableText(v.Value, substituteVariables)).ToArray();
        _constantPatterns = _values.Select(v => v.HasVariables ? null : ArnPatternCompiler.ForCondition(v.ResolvePieces(RequestContext.Empty)!)).ToArray();
    }

    private static readonly Func<List<ArnPatternCompiler.Piece>, WildcardPattern> CompileValue = ArnPatternCompiler.ForCondition;

    public override IEnumerable<string> VariableKeys => _values.SelectMany(v => v.VariableKeys);

    protected override bool MatchesAnyPolicyValue(ContextValue value, int index, RequestContext context)
    {
        var text = value[index];
        for (int i = 0; i < _values.Length; i++)
        {
            var pattern = _constantPatterns[i] ?? _values[i].ResolvePattern(context, CompileValue);
            if (pattern is not null && pattern.IsMatch(text)) return true;
        }
        return false;
    }
}
