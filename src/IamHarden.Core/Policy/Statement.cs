using System.Collections.Immutable;
using IamHarden.Core.Policy.Syntax;

namespace IamHarden.Core.Policy;

/// <summary>
/// One statement of a policy. Action and Resource hold either the positive or the negated list
/// (their <see cref="ValueList.IsNegated"/> says which). <see cref="Resources"/> is null only in
/// trust policies, <see cref="Principal"/> only where no Principal was written.
/// </summary>
public sealed record Statement(
    int Index,
    LocatedString? Sid,
    Effect Effect,
    SourceSpan EffectSpan,
    PrincipalElement? Principal,
    ValueList Actions,
    ValueList? Resources,
    ImmutableArray<Condition> Conditions,
    SourceSpan Span)
{
    /// <summary>The JSON path of this statement, e.g. "Statement[2]" (or "Statement" when it was a single object).</summary>
    public string JsonPath { get; init; } = $"Statement[{Index}]";

    /// <summary>A short label for messages: the Sid when there is one, else the position.</summary>
    public string Label => Sid is { } sid && sid.Value.Length > 0 ? $"{sid.Value} (#{Index})" : $"#{Index}";
}
