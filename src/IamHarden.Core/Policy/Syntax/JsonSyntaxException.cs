namespace IamHarden.Core.Policy.Syntax;

/// <summary>The source is not well-formed JSON (or not UTF-8). Carries the position and what was expected.</summary>
public sealed class JsonSyntaxException(string message, SourceSpan span) : Exception(message)
{
    public SourceSpan Span { get; } = span;
}
