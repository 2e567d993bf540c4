using System.Collections.Immutable;
using IamHarden.Core.Policy.Syntax;

namespace IamHarden.Core.Policy;

/// <summary>
/// A parsed IAM policy document: immutable, every element with its source position. Obtain one
/// from <see cref="PolicyParser"/>; write one back with <see cref="PolicyPrinter"/>.
/// </summary>
public sealed record PolicyDocument(
    string Name,
    PolicyKind Kind,
    PolicyVersion Version,
    SourceSpan VersionSpan,
    LocatedString? Id,
    ImmutableArray<Statement> Statements,
    bool StatementWasArray)
{
    /// <summary>The positioned JSON it was read from (null for documents built in code).</summary>
    public JsonObjectSyntax? Syntax { get; init; }

    /// <summary>The source it was read from (null for documents built in code).</summary>
    public SourceText? Source { get; init; }
}
