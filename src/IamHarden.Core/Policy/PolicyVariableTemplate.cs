using System.Collections.Immutable;
using System.Text;

namespace IamHarden.Core.Policy;

/// <summary>
/// A policy value split into literal text and <c>${...}</c> variables (spec §6). The fixed
/// variables <c>${*}</c>, <c>${?}</c> and <c>${$}</c> become literal characters; <c>${key, 'default'}</c>
/// carries a default used when the key is absent. Text that only looks like a variable (an
/// unclosed "${") stays literal and is reported in <see cref="Problems"/> for lint.
/// </summary>
public sealed class PolicyVariableTemplate
{
    /// <summary>What a piece of the value is.</summary>
    public enum PartKind
    {
        /// <summary>Policy text as written: wildcards in it keep their meaning.</summary>
        Text,
        /// <summary>A character written as ${*}, ${?} or ${$}: always literal, never a wildcard.</summary>
        Escaped,
        /// <summary>A variable reference; <see cref="Part.Text"/> is its key.</summary>
        Variable,
    }

    /// <summary>A piece of the value: policy text, an escaped character, or a variable reference.</summary>
    public readonly record struct Part(string Text, PartKind Kind, string? DefaultValue)
    {
        public bool IsVariable => Kind == PartKind.Variable;
    }

    private PolicyVariableTemplate(ImmutableArray<Part> parts, ImmutableArray<string> problems)
    {
        Parts = parts;
        Problems = problems;
    }

    public ImmutableArray<Part> Parts { get; }

    /// <summary>Malformed variable syntax found while parsing (empty variable, missing brace or quote).</summary>
    public ImmutableArray<string> Problems { get; }

    public bool HasVariables => Parts.Any(p => p.IsVariable);

    /// <summary>True when the value contains ${*}, ${?} or ${$}.</summary>
    public bool HasEscapes => Parts.Any(p => p.Kind == PartKind.Escaped);

    /// <summary>The variable keys referenced, e.g. "aws:username".</summary>
    public IEnumerable<string> VariableKeys => Parts.Where(p => p.IsVariable).Select(p => p.Text);

    /// <summary>Splits <paramref name="text"/>. With <paramref name="substitute"/> false (Version 2008-10-17 or none) everything is literal.</summary>
    public static PolicyVariableTemplate Parse(string text, bool substitute)
    {
        if (!substitute || !text.Contains("${", StringComparison.Ordinal))
            return new PolicyVariableTemplate([new Part(text, PartKind.Text, null)], []);

        var parts = ImmutableArray.CreateBuilder<Part>();
        var problems = ImmutableArray.CreateBuilder<string>();
        var literal = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            int start = text.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0) { literal.Append(text, i, text.Length - i); break; }
            literal.Append(text, i, start - i);
            int end = FindClose(text, start + 2);
            if (end < 0)
            {
                problems.Add($"'${{' at position {start + 1} has no closing '}}'");
                literal.Append(text, start, text.Length - start);
                break;
            }
            var body = text[(start + 2)..end];
            i = end + 1;
            if (body is "*" or "?" or "$")
            {
                Flush(parts, literal);
                parts.Add(new Part(body, PartKind.Escaped, null));
                continue;
            }
            if (!TryParseBody(body, out var key, out var defaultValue, out var problem))
            {
                problems.Add(problem!);
                literal.Append(text, start, end + 1 - start);
                continue;
            }
            Flush(parts, literal);
            parts.Add(new Part(key!, PartKind.Variable, defaultValue));
        }
        if (literal.Length > 0 || parts.Count == 0) parts.Add(new Part(literal.ToString(), PartKind.Text, null));
        return new PolicyVariableTemplate(parts.ToImmutable(), problems.ToImmutable());
    }

    private static void Flush(ImmutableArray<Part>.Builder parts, StringBuilder literal)
    {
        if (literal.Length == 0) return;
        parts.Add(new Part(literal.ToString(), PartKind.Text, null));
        literal.Clear();
    }

    /// <summary>Finds the '}' that closes a variable, skipping a quoted default value.</summary>
    private static int FindClose(string text, int from)
    {
        bool quoted = false;
        for (int i = from; i < text.Length; i++)
        {
            if (text[i] == '\'') quoted = !quoted;
            else if (text[i] == '}' && !quoted) return i;
        }
        return -1;
    }

    private static bool TryParseBody(string body, out string? key, out string? defaultValue, out string? problem)
    {
        key = null; defaultValue = null; problem = null;
        int comma = body.IndexOf(',');
        var keyText = (comma < 0 ? body : body[..comma]).Trim();
        if (keyText.Length == 0) { problem = "empty variable '${}'"; return false; }
        if (comma >= 0)
        {
            var d = body[(comma + 1)..].Trim();
            if (d.Length < 2 || d[0] != '\'' || d[^1] != '\'')
            {
                problem = $"the default value of '${{{body}}}' must be in single quotes";
                return false;
            }
            defaultValue = d[1..^1];
        }
        key = keyText;
        return true;
    }
}
