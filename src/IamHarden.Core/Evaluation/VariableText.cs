using System.Collections.Concurrent;
using System.Text;
using IamHarden.Core.Matching;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Evaluation;

/// <summary>
/// A policy value that may contain policy variables, ready for substitution against a request.
/// Values without variables (or under Version 2008-10-17) are resolved once, at compile time.
/// Patterns built from substituted values are cached by those values (requests of one principal
/// repeat them), so deciding does not compile a pattern per request.
/// </summary>
internal sealed class VariableText
{
    private const int MaxCachedPatterns = 256;

    private readonly PolicyVariableTemplate _template;
    private readonly List<ArnPatternCompiler.Piece>? _constantPieces;
    private readonly int _singleVariable = -1;
    // Only values with variables need it: created then, so the many constant values of a large
    // account's policies do not each carry an empty concurrent dictionary.
    private readonly ConcurrentDictionary<string, WildcardPattern>? _patterns;

    public VariableText(string text, bool substitute)
    {
        _template = PolicyVariableTemplate.Parse(text, substitute);
        HasVariables = _template.HasVariables;
        if (!HasVariables)
        {
            Constant = string.Concat(_template.Parts.Select(p => p.Text));
            _constantPieces = ToPieces(null)!;
        }
        else
        {
            _patterns = new(StringComparer.Ordinal);
            if (_template.Parts.Count(p => p.IsVariable) == 1)
                _singleVariable = _template.Parts.IndexOf(_template.Parts.First(p => p.IsVariable));
        }
    }

    public bool HasVariables { get; }

    /// <summary>True when ${*}, ${?} or ${$} appear: such characters must stay literal in patterns.</summary>
    public bool HasEscapes => _template.HasEscapes;

    /// <summary>The value when it has no variables (escapes already replaced by their characters).</summary>
    public string? Constant { get; }

    /// <summary>The variable keys (reported as MissingContextValues when absent).</summary>
    public IEnumerable<string> VariableKeys => _template.VariableKeys;

    /// <summary>The substituted text, or null when a variable has no value and no default (spec §6).</summary>
    public string? Resolve(RequestContext context)
    {
        if (Constant is not null) return Constant;
        // "${aws:username}" alone is the value itself: no copy.
        if (_template.Parts.Length == 1) return Lookup(_template.Parts[0], context);
        var sb = new StringBuilder();
        foreach (var part in _template.Parts)
        {
            if (!part.IsVariable) { sb.Append(part.Text); continue; }
            var value = Lookup(part, context);
            if (value is null) return null;
            sb.Append(value);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The pieces for building a wildcard pattern: policy text keeps its wildcards; substituted
    /// values and ${*}-style escapes are literal. Null when a variable cannot be resolved.
    /// </summary>
    public List<ArnPatternCompiler.Piece>? ResolvePieces(RequestContext context) => _constantPieces ?? ToPieces(context);

    /// <summary>
    /// The pattern <paramref name="compile"/> builds from the resolved pieces, cached by the
    /// substituted values; null when a variable cannot be resolved (the entry then matches nothing).
    /// </summary>
    public WildcardPattern? ResolvePattern(RequestContext context, Func<List<ArnPatternCompiler.Piece>, WildcardPattern> compile)
    {
        if (_constantPieces is not null) return compile(_constantPieces);
        string? key;
        if (_singleVariable >= 0) key = Lookup(_template.Parts[_singleVariable], context);
        else
        {
            var values = new StringBuilder();
            foreach (var part in _template.Parts)
            {
                if (!part.IsVariable) continue;
                var value = Lookup(part, context);
                if (value is null) return null;
                values.Append(value).Append('\0');
            }
            key = values.ToString();
        }
        if (key is null) return null;
        var patterns = _patterns!;
        if (patterns.TryGetValue(key, out var cached)) return cached;
        var pattern = compile(ToPieces(context)!);
        if (patterns.Count >= MaxCachedPatterns) patterns.Clear();
        patterns[key] = pattern;
        return pattern;
    }

    private List<ArnPatternCompiler.Piece>? ToPieces(RequestContext? context)
    {
        var pieces = new List<ArnPatternCompiler.Piece>(_template.Parts.Length);
        foreach (var part in _template.Parts)
        {
            switch (part.Kind)
            {
                case PolicyVariableTemplate.PartKind.Text:
                    pieces.Add(new ArnPatternCompiler.Piece(part.Text, IsLiteral: false));
                    break;
                case PolicyVariableTemplate.PartKind.Escaped:
                    pieces.Add(new ArnPatternCompiler.Piece(part.Text, IsLiteral: true));
                    break;
                default:
                    var value = context is null ? null : Lookup(part, context);
                    if (value is null) return null;
                    pieces.Add(new ArnPatternCompiler.Piece(value, IsLiteral: true));
                    break;
            }
        }
        return pieces;
    }

    /// <summary>Defaults apply only when the key is absent; a list-valued key is unresolvable.</summary>
    private static string? Lookup(PolicyVariableTemplate.Part part, RequestContext context) =>
        context.ResolveVariable(part.Text) ?? (context.Contains(part.Text) ? null : part.DefaultValue);
}
