using IamHarden.Core.Policy.Syntax;

namespace IamHarden.Core.Policy;

/// <summary>A string value of a policy element and where it was written.</summary>
public readonly record struct LocatedString(string Value, SourceSpan Span)
{
    public static implicit operator string(LocatedString s) => s.Value;
    public override string ToString() => Value;
}
