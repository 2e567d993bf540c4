namespace IamHarden.Core.Policy.Syntax;

/// <summary>
/// Where an element sits in its source text: 1-based line and column (columns count UTF-16 code
/// units, as SARIF expects by default), plus the 0-based UTF-16 offset and length of the element.
/// </summary>
public readonly record struct SourceSpan(int Line, int Column, int Offset, int Length)
{
    /// <summary>The span of something that did not come from a file (generated policies, defaults).</summary>
    public static SourceSpan None => default;

    /// <summary>True when the span points into real source text.</summary>
    public bool IsKnown => Line > 0;

    public override string ToString() => IsKnown ? $"{Line}:{Column}" : "?:?";
}
