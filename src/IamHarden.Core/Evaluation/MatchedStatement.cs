using IamHarden.Core.Policy;
using IamHarden.Core.Policy.Syntax;

namespace IamHarden.Core.Evaluation;

/// <summary>A statement that decided a request: which policy, which statement, where it is written.</summary>
public sealed record MatchedStatement(string PolicyName, PolicyKind PolicyKind, int StatementIndex, string? Sid, Effect Effect, SourceSpan Span)
{
    public override string ToString() =>
        $"{PolicyName} statement {(Sid is { Length: > 0 } ? $"\"{Sid}\" " : "")}#{StatementIndex} ({Effect}){(Span.IsKnown ? $" at {Span}" : "")}";
}
