using System.Text.Json;
using IamHarden.Core.Policy;
using IamHarden.Core.Policy.Syntax;

namespace IamHarden.Core.Tests.Policy;

/// <summary>
/// Checks that every positioned element of a parsed document points at its own text: the span's
/// offset and length cut out exactly the JSON token the element was read from, and its line and
/// column agree with that offset. Used on hand-written fixtures and on the whole managed corpus.
/// </summary>
internal static class SpanAssertions
{
    /// <summary>Every element checked, as (what, span); throws with the element's path on the first wrong one.</summary>
    public static int AssertEveryElementIsPositioned(PolicyDocument document, string text)
    {
        int checkedSpans = 0;
        void Token(string what, SourceSpan span, Func<string, bool> isItsText)
        {
            Assert.True(span.IsKnown, $"{what}: no position");
            Assert.InRange(span.Offset + span.Length, 0, text.Length);
            var slice = text.Substring(span.Offset, span.Length);
            Assert.True(isItsText(slice), $"{what}: span {span} covers \"{Shorten(slice)}\"");
            Assert.Equal(LineColumnOf(text, span.Offset), (span.Line, span.Column));
            checkedSpans++;
        }
        void String(string what, LocatedString value) => Token(what, value.Span, slice => DecodesTo(slice, value.Value));

        if (document.Version != PolicyVersion.Missing)
            Token("Version", document.VersionSpan, slice => DecodesTo(slice, document.Version.Text()!));
        if (document.Id is { } id) String("Id", id);
        foreach (var s in document.Statements)
        {
            Token(s.JsonPath, s.Span, slice => slice.StartsWith('{') && slice.EndsWith('}') && IsJson(slice));
            if (s.Sid is { } sid) String(s.JsonPath + ".Sid", sid);
            Token(s.JsonPath + ".Effect", s.EffectSpan, slice => DecodesTo(slice, s.Effect.ToString()));
            if (s.Principal is { } principal)
            {
                Token(s.JsonPath + ".Principal", principal.Span, slice => principal.IsWildcard ? DecodesTo(slice, "*") : slice.StartsWith('{') && IsJson(slice));
                foreach (var entry in principal.Entries) String($"{s.JsonPath}.Principal.{entry.Type}", entry.Value);
            }
            List(s.JsonPath + (s.Actions.IsNegated ? ".NotAction" : ".Action"), s.Actions);
            if (s.Resources is { } resources) List(s.JsonPath + (resources.IsNegated ? ".NotResource" : ".Resource"), resources);
            foreach (var c in s.Conditions)
            {
                Token(c.JsonPath + " (operator)", c.OperatorSpan, slice => DecodesTo(slice, c.Operator.Name));
                String(c.JsonPath + " (key)", c.Key);
                // Numbers and booleans are kept as their text ("10", "true"), which is exactly what is written.
                foreach (var v in c.Values) Token(c.JsonPath + " value", v.Span, slice => DecodesTo(slice, v.Value) || slice == v.Value);
            }
        }
        return checkedSpans;

        void List(string what, ValueList list)
        {
            Token(what, list.Span, slice => list.WasArray ? slice.StartsWith('[') && IsJson(slice) : slice.StartsWith('"'));
            foreach (var v in list.Values) String(what + " value", v);
        }
    }

    /// <summary>1-based line and column (UTF-16 code units) of an offset, counted independently of SourceText.</summary>
    public static (int Line, int Column) LineColumnOf(string text, int offset)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++)
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        return (line, offset - lineStart + 1);
    }

    private static bool DecodesTo(string slice, string expected)
    {
        if (!slice.StartsWith('"')) return false;
        try
        {
            return JsonSerializer.Deserialize<string>(slice) == expected;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsJson(string slice)
    {
        try
        {
            using var _ = JsonDocument.Parse(slice);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
