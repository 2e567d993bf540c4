using IamHarden.Core.Matching;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Evaluation;

/// <summary>
/// The compiled Resource/NotResource list of a statement (spec §4.1). "*" matches everything,
/// including the resource "*" of actions without resource-level permissions, which nothing else
/// matches. Entries with policy variables are substituted per request; an entry whose variable
/// has no value matches nothing (so in NotResource it excludes nothing).
/// </summary>
internal sealed class ResourceMatcher
{
    private readonly bool _hasWildcardEntry;
    private readonly WildcardPattern[] _constant;
    private readonly VariableText[] _variable;

    public ResourceMatcher(ValueList list, bool substituteVariables)
    {
        IsNegated = list.IsNegated;
        var constant = new List<WildcardPattern>();
        var variable = new List<VariableText>();
        foreach (var value in list.Values)
        {
            if (value.Value == "*") { _hasWildcardEntry = true; continue; }
            var text = new VariableText(value.Value, substituteVariables);
            if (text.HasVariables) variable.Add(text);
            else constant.Add(ArnPatternCompiler.ForResourceElement(text.ResolvePieces(RequestContext.Empty)!));
        }
        _constant = constant.ToArray();
        _variable = variable.ToArray();
    }

    private static readonly Func<List<ArnPatternCompiler.Piece>, WildcardPattern> CompileEntry = ArnPatternCompiler.ForResourceElement;

    public bool IsNegated { get; }

    /// <summary>Variable keys used by the entries (reported when missing).</summary>
    public IEnumerable<string> VariableKeys => _variable.SelectMany(v => v.VariableKeys);

    public bool Covers(string resource, RequestContext context) =>
        IsNegated ? !ListMatches(resource, context) : ListMatches(resource, context);

    private bool ListMatches(string resource, RequestContext context)
    {
        if (_hasWildcardEntry) return true;
        if (resource == "*") return false;
        foreach (var pattern in _constant)
            if (pattern.IsMatch(resource)) return true;
        foreach (var entry in _variable)
            if (entry.ResolvePattern(context, CompileEntry)?.IsMatch(resource) == true) return true;
        return false;
    }
}
