using System.Collections.Immutable;
using IamHarden.Core.Catalog;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Facts;

/// <summary>One value of an Action/NotAction list and the catalog actions it matches.</summary>
public readonly record struct ActionPattern(LocatedString Value, ImmutableArray<ActionDefinition> Matches)
{
    public string Text => Value.Value;

    public bool IsEverything => Value.Value == "*";

    public bool HasWildcard => Value.Value.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>The service prefix as written ("iam" in "iam:Create*"), or null for "*" and malformed values.</summary>
    public string? ServicePrefix => Value.Value.IndexOf(':') is var colon and > 0 ? Value.Value[..colon] : null;
}
