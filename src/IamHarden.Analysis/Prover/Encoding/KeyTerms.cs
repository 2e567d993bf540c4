using IamHarden.Analysis.Prover.Encoding.Strings;
using IamHarden.Analysis.Prover.Smt;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// The SMT terms of one context key in one request: present or not, list or single value, null
/// (empty string or empty list) or not, and its value(s). Mirrors <c>ContextValue</c>.
/// </summary>
internal sealed class KeyTerms
{
    private readonly ElementTerms[] _elements;

    public KeyTerms(ContextKeyPlan plan, string prefix, int numericScale, string? fixedValue, Func<string, string, string?, IStringValue> strings)
    {
        Plan = plan;
        Stem = prefix + "_" + plan.Stem;
        FixedValue = plan.IsMultiValued || plan.Kind != KeyKind.String ? null : fixedValue;
        int count = plan.IsMultiValued ? plan.ElementBound : 1;
        _elements = Enumerable.Range(0, count).Select(i =>
        {
            var stem = plan.IsMultiValued ? $"{Stem}_{i}" : Stem;
            var text = plan.Kind == KeyKind.String ? strings(plan.Stem, stem + "_s", FixedValue) : null;
            return new ElementTerms(plan, stem, numericScale, text);
        }).ToArray();
    }

    /// <summary>The value when the key is known to be present with it (a fact about the user, or pinned): variables then substitute it literally.</summary>
    public string? FixedValue { get; }

    public ContextKeyPlan Plan { get; }
    public string Stem { get; }

    public string Present => Stem + "_p";

    /// <summary>Number of list elements (multivalued keys only).</summary>
    public string Count => Stem + "_count";

    public IReadOnlyList<ElementTerms> Elements => _elements;

    /// <summary>The value as a single value (meaningful only for single-valued keys).</summary>
    public ElementTerms Single => _elements[0];

    /// <summary>True when present as a list: multivalued keys always are, others never.</summary>
    public string IsList => Plan.IsMultiValued ? Smt.Smt.True : Smt.Smt.False;

    /// <summary>Present-but-null: an empty list, or an empty string.</summary>
    public string IsNull => Plan.IsMultiValued
        ? Smt.Smt.Eq(Count, "0")
        : Plan.Kind switch
        {
            KeyKind.String => Single.TextMatches(new StringPattern(Core.Matching.WildcardPattern.Literally("", ignoreCase: false), false)),
            KeyKind.NullOnly => Single.NullSymbol,
            // AWS never sends an empty Bool, number, date or address (the evaluator could not read one).
            _ => Smt.Smt.False,
        };

    /// <summary>Element <paramref name="index"/> exists in the list (always true for the single value).</summary>
    public string Has(int index) => Plan.IsMultiValued ? Smt.Smt.Lt(Smt.Smt.Int(index), Count) : Smt.Smt.True;

    public void Declare(SmtScript script)
    {
        script.Declare(Present, "Bool");
        if (Plan.IsMultiValued)
        {
            script.Declare(Count, "Int");
            script.Assert($"(and (<= 0 {Count}) (<= {Count} {Plan.ElementBound}))");
        }
        foreach (var e in _elements) e.Declare(script);
    }

    /// <summary>The formula "this key is the same in both requests" (presence and value).</summary>
    public string SameAs(KeyTerms other) => Smt.Smt.And(ModelSymbols().Zip(other.ModelSymbols(), Smt.Smt.Eq));

    public IEnumerable<string> ModelSymbols()
    {
        yield return Present;
        if (Plan.IsMultiValued) yield return Count;
        foreach (var e in _elements)
            foreach (var s in e.ModelSymbols()) yield return s;
    }
}
