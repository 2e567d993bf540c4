using System.Collections.Immutable;

namespace IamHarden.Core.Policy.Syntax;

/// <summary>The kind of a positioned JSON value.</summary>
public enum JsonSyntaxKind { Object, Array, String, Number, Boolean, Null }

/// <summary>
/// A JSON value together with its position in the source. Unlike System.Text.Json's DOM it keeps
/// every member of an object, duplicates included, in source order — duplicate keys are an IAM
/// evasion trick and must be reported, not silently collapsed.
/// </summary>
public abstract class JsonSyntax(SourceSpan span)
{
    public SourceSpan Span { get; } = span;
    public abstract JsonSyntaxKind Kind { get; }

    /// <summary>A short description for messages, e.g. "a string" or "an array".</summary>
    public string Describe() => Kind switch
    {
        JsonSyntaxKind.Object => "an object",
        JsonSyntaxKind.Array => "an array",
        JsonSyntaxKind.String => "a string",
        JsonSyntaxKind.Number => "a number",
        JsonSyntaxKind.Boolean => "a boolean",
        _ => "null",
    };
}

/// <summary>One "name": value pair of an object.</summary>
public sealed record JsonMemberSyntax(string Name, SourceSpan NameSpan, JsonSyntax Value);

public sealed class JsonObjectSyntax(SourceSpan span, ImmutableArray<JsonMemberSyntax> members) : JsonSyntax(span)
{
    public override JsonSyntaxKind Kind => JsonSyntaxKind.Object;
    public ImmutableArray<JsonMemberSyntax> Members { get; } = members;
}

public sealed class JsonArraySyntax(SourceSpan span, ImmutableArray<JsonSyntax> items) : JsonSyntax(span)
{
    public override JsonSyntaxKind Kind => JsonSyntaxKind.Array;
    public ImmutableArray<JsonSyntax> Items { get; } = items;
}

public sealed class JsonStringSyntax(SourceSpan span, string value) : JsonSyntax(span)
{
    public override JsonSyntaxKind Kind => JsonSyntaxKind.String;
    public string Value { get; } = value;
}

/// <summary>A number, kept as its source text so "10" and "10.0" stay what the author wrote.</summary>
public sealed class JsonNumberSyntax(SourceSpan span, string text) : JsonSyntax(span)
{
    public override JsonSyntaxKind Kind => JsonSyntaxKind.Number;
    public string Text { get; } = text;
}

public sealed class JsonBooleanSyntax(SourceSpan span, bool value) : JsonSyntax(span)
{
    public override JsonSyntaxKind Kind => JsonSyntaxKind.Boolean;
    public bool Value { get; } = value;
}

public sealed class JsonNullSyntax(SourceSpan span) : JsonSyntax(span)
{
    public override JsonSyntaxKind Kind => JsonSyntaxKind.Null;
}
