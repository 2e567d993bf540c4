using IamHarden.Core.Matching;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// A policy value whose variables are the request's symbolic values. For compiling it as a
/// pattern, each variable is a placeholder character (a literal piece, as the evaluator's
/// substituted values are) that <see cref="PatternEncoder.Split"/> turns back into a hole.
/// Mirrors VariableText: a variable resolves to a single-valued key's value, else to its default
/// when the key is absent; otherwise the value matches nothing.
/// </summary>
internal sealed class SymbolicText
{
    private SymbolicText(PolicyVariableTemplate template, List<ArnPatternCompiler.Piece> pieces, Dictionary<char, string> holes, List<string> concatenation, string resolvable)
    {
        Template = template;
        Pieces = pieces;
        Holes = holes;
        Concatenation = concatenation;
        Resolvable = resolvable;
    }

    public PolicyVariableTemplate Template { get; }

    /// <summary>Pieces for the evaluator's pattern compilers; variables are placeholder characters.</summary>
    public List<ArnPatternCompiler.Piece> Pieces { get; }

    /// <summary>Placeholder character → the SMT term of the variable's value.</summary>
    public IReadOnlyDictionary<char, string> Holes { get; }

    /// <summary>The substituted text as SMT string terms to concatenate (for equality operators).</summary>
    public IReadOnlyList<string> Concatenation { get; }

    /// <summary>True when every variable resolves.</summary>
    public string Resolvable { get; }

    /// <summary>True when some variable's value is unknown (a hole); known values are already literal text.</summary>
    public bool HasVariables => Holes.Count > 0;

    /// <summary>The substituted text when there are no holes.</summary>
    public string ConstantText => HasVariables ? throw new InvalidOperationException("has holes") : string.Concat(Pieces.Select(p => p.Text));

    /// <summary>The text after the fifth colon, in which variables may stand: true when every placeholder comes after five literal colons.</summary>
    public bool VariablesInResourcePart()
    {
        int colons = 0;
        foreach (var piece in Pieces)
        {
            if (piece.IsLiteral && piece.Text.Length == 1 && Holes.ContainsKey(piece.Text[0]))
            {
                if (colons < 5) return false;
                continue;
            }
            colons += piece.Text.Count(c => c == ':');
        }
        return true;
    }

    public static SymbolicText Of(string text, bool substitute, RequestSymbols request)
    {
        var template = PolicyVariableTemplate.Parse(text, substitute);
        var pieces = new List<ArnPatternCompiler.Piece>();
        var holes = new Dictionary<char, string>();
        var concatenation = new List<string>();
        var resolvable = new List<string>();
        char next = '\uE000';
        foreach (var part in template.Parts)
        {
            switch (part.Kind)
            {
                case PolicyVariableTemplate.PartKind.Text:
                    pieces.Add(new ArnPatternCompiler.Piece(part.Text, IsLiteral: false));
                    concatenation.Add(Smt.Smt.Str(part.Text));
                    break;
                case PolicyVariableTemplate.PartKind.Escaped:
                    pieces.Add(new ArnPatternCompiler.Piece(part.Text, IsLiteral: true));
                    concatenation.Add(Smt.Smt.Str(part.Text));
                    break;
                default:
                    if (request.Key(part.Text)?.FixedValue is { } known)
                    {
                        // A known value is substituted here, as the evaluator does: literal text.
                        pieces.Add(new ArnPatternCompiler.Piece(known, IsLiteral: true));
                        concatenation.Add(Smt.Smt.Str(known));
                        break;
                    }
                    while (text.Contains(next)) next++;
                    var (value, ok) = Resolve(part, request);
                    holes[next] = value;
                    pieces.Add(new ArnPatternCompiler.Piece(next.ToString(), IsLiteral: true));
                    concatenation.Add(value);
                    resolvable.Add(ok);
                    next++;
                    break;
            }
        }
        return new SymbolicText(template, pieces, holes, concatenation, Smt.Smt.And(resolvable));
    }

    private static (string Value, string Resolvable) Resolve(PolicyVariableTemplate.Part part, RequestSymbols request)
    {
        var key = request.Key(part.Text) ?? throw new InvalidOperationException($"variable key {part.Text} was not collected");
        if (!key.Plan.HasStringView)
            throw new UnsupportedPolicyException(key.Plan.Unsupported ?? $"the policies use ${{{part.Text}}} as text but read {part.Text} as {key.Plan.Kind}; the prover does not model that mix");
        string present = key.Present;
        string single = Smt.Smt.And(present, Smt.Smt.Not(key.IsList));
        if (part.DefaultValue is { } fallback)
            return (Smt.Smt.Ite(present, key.Single.TextTerm(), Smt.Smt.Str(fallback)), Smt.Smt.Or(single, Smt.Smt.Not(present)));
        return (key.Single.TextTerm(), single);
    }
}
