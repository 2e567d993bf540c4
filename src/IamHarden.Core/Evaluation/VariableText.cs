using System.Text;
using IamHarden.Core.Matching;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Evaluation;

/// <summary>
/// A policy value that may contain policy variables, ready for substitution against a request.
/// Values without variables (or under Version 2008-10-17) are resolved once, at compile time.
/// </summary>
internal sealed class VariableText
{
    private readonly PolicyVariableTemplate _template;
    private readonly List<ArnPatternCompiler.Piece>? _constantPieces;

    public VariableText(string text, bool substitute)
    {
        _template = PolicyVariableTemplate.Parse(text, substitute);
        HasVariables = _template.HasVariables;
        if (!HasVariables)
        {
            Constant = string.Concat(_template.Parts.Select(p => p.Text));
            _constantPieces = ToPieces(null)!;
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
