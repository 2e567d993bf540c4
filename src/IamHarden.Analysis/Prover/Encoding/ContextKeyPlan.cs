using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// One context key as the solver sees it: its representation, whether it is multivalued (then a
/// list of at most <see cref="ElementBound"/> elements), and the SMT name stem of its symbols.
/// </summary>
internal sealed class ContextKeyPlan
{
    public required int Id { get; init; }

    /// <summary>The key as first written (keys are case-insensitive).</summary>
    public required string Name { get; init; }

    public required KeyKind Kind { get; init; }

    /// <summary>Multivalued keys (aws:TagKeys, aws:CalledVia, ...) are lists whenever present; others never are.</summary>
    public required bool IsMultiValued { get; init; }

    /// <summary>
    /// Elements a list may hold. One witness per set-qualified condition on the key is enough for
    /// any counterexample (ForAllValues can only become false, ForAnyValue only true, by an element
    /// being there), so this bound loses nothing.
    /// </summary>
    public int ElementBound { get; init; } = 1;

    /// <summary>For <see cref="KeyKind.Binary"/>: the distinct values the policies compare with (decoded).</summary>
    public IReadOnlyList<byte[]> BinaryValues { get; init; } = [];

    /// <summary>Set when the policies read the key in a way the prover cannot represent.</summary>
    public string? Unsupported { get; init; }

    /// <summary>The operator families that read the key (for messages).</summary>
    public IReadOnlySet<ConditionFamily> Families { get; init; } = new HashSet<ConditionFamily>();

    public string Stem => "k" + Id;

    public bool HasStringView => Kind is KeyKind.String or KeyKind.Bool;

    public override string ToString() => $"{Name} ({Kind}{(IsMultiValued ? ", list" : "")})";
}
