using System.Text.RegularExpressions;
using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>Where policy variables can be written, for the variable rules: Resource values and String/ARN/Bool condition values.</summary>
internal static partial class PolicyVariables
{
    /// <summary>Text that reads as a variable reference, well-formed or not: "${" followed by anything.</summary>
    [GeneratedRegex(@"\$\{[^}]*\}?")]
    public static partial Regex Reference();

    /// <summary>Each value where AWS substitutes variables (under 2012-10-17), with its JSON path.</summary>
    public static IEnumerable<(LocatedString Value, string Path)> SubstitutableValues(StatementFacts statement)
    {
        if (statement.Statement.Resources is { } resources)
        {
            for (int i = 0; i < resources.Values.Length; i++) yield return (resources.Values[i], statement.ResourcePath(i));
        }
        foreach (var condition in statement.Statement.Conditions)
        {
            if (!condition.Operator.AllowsVariables) continue;
            for (int i = 0; i < condition.Values.Length; i++)
                yield return (condition.Values[i], StatementFacts.ConditionValuePath(condition, i));
        }
    }

    /// <summary>How many values of the policy contain "${".</summary>
    public static int Count(LintContext context) =>
        context.AllStatements.Sum(s => SubstitutableValues(s).Count(v => v.Value.Value.Contains("${", StringComparison.Ordinal)));
}

/// <summary>What is wrong with one ${...} reference (AWS reports each kind with its own code).</summary>
internal enum VariableProblem { MissingBrace, Empty, MissingQuote, Space, Symbol }

/// <summary>Scans the ${...} references of a value for malformed syntax.</summary>
internal static class VariableSyntax
{
    public static IEnumerable<(VariableProblem Problem, string Text)> Problems(string value)
    {
        int i = 0;
        while ((i = value.IndexOf("${", i, StringComparison.Ordinal)) >= 0)
        {
            int close = FindClose(value, i + 2);
            if (close < 0)
            {
                yield return (VariableProblem.MissingBrace, value[i..]);
                yield break;
            }
            var text = value[i..(close + 1)];
            var body = value[(i + 2)..close];
            i = close + 1;
            if (body is "*" or "?" or "$") continue;
            int comma = body.IndexOf(',');
            var key = comma < 0 ? body : body[..comma];
            if (key.Trim().Length == 0) yield return (VariableProblem.Empty, text);
            else if (key.Any(char.IsWhiteSpace)) yield return (VariableProblem.Space, text);
            else if (key.Any(c => !IsKeyCharacter(c))) yield return (VariableProblem.Symbol, text);
            if (comma >= 0)
            {
                var fallback = body[(comma + 1)..].Trim();
                if (fallback.Length < 2 || fallback[0] != '\'' || fallback[^1] != '\'') yield return (VariableProblem.MissingQuote, text);
            }
        }
    }

    /// <summary>Characters a variable's key may hold: those of condition keys and tag keys (letters, digits, : / _ . - @ = +).</summary>
    private static bool IsKeyCharacter(char c) => char.IsLetterOrDigit(c) || c is ':' or '/' or '_' or '.' or '-' or '@' or '=' or '+';

    /// <summary>The '}' closing a reference, skipping a quoted default value.</summary>
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

    /// <summary>Reports every <paramref name="problem"/> in the values where variables are substituted (Version 2012-10-17 only).</summary>
    public static void Report(LintContext context, LintRuleInfo rule, VariableProblem problem, Func<string, string> message, string fix)
    {
        if (!context.SubstitutesVariables) return;
        foreach (var statement in context.Statements)
        {
            foreach (var (value, path) in PolicyVariables.SubstitutableValues(statement))
            {
                if (!value.Value.Contains("${", StringComparison.Ordinal)) continue;
                foreach (var (kind, text) in Problems(value.Value))
                {
                    if (kind == problem) context.Report(rule, value.Span, path, message(text), fix);
                }
            }
        }
    }
}
