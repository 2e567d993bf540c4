using System.Collections.Immutable;
using IamHarden.Core.Policy.Syntax;

namespace IamHarden.Core.Policy;

/// <summary>
/// The value of Action/NotAction or Resource/NotResource: a list of patterns, and whether the
/// element is the negated form (the statement then covers everything the list does not match).
/// </summary>
public sealed record ValueList(bool IsNegated, ImmutableArray<LocatedString> Values, bool WasArray, SourceSpan Span)
{
    public bool ContainsWildcardOnly => Values.Any(v => v.Value == "*");
}
