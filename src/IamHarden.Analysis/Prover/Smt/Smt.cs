using System.Globalization;
using System.Numerics;
using System.Text;

namespace IamHarden.Analysis.Prover.Smt;

/// <summary>
/// SMT-LIB2 terms as text. Small helpers that keep the encoder readable and fold the trivial
/// cases (an AND with a false part is "false"), so the solver gets compact formulas.
/// </summary>
internal static class Smt
{
    public const string True = "true";
    public const string False = "false";

    public static string And(IEnumerable<string> terms)
    {
        var list = new List<string>();
        foreach (var t in terms)
        {
            if (t == False) return False;
            if (t != True) list.Add(t);
        }
        return list.Count switch { 0 => True, 1 => list[0], _ => "(and " + string.Join(' ', list) + ")" };
    }

    public static string And(params string[] terms) => And((IEnumerable<string>)terms);

    public static string Or(IEnumerable<string> terms)
    {
        var list = new List<string>();
        foreach (var t in terms)
        {
            if (t == True) return True;
            if (t != False) list.Add(t);
        }
        return list.Count switch { 0 => False, 1 => list[0], _ => "(or " + string.Join(' ', list) + ")" };
    }

    public static string Or(params string[] terms) => Or((IEnumerable<string>)terms);

    public static string Not(string term) => term switch
    {
        True => False,
        False => True,
        _ when term.StartsWith("(not ", StringComparison.Ordinal) && IsSingleTerm(term, 5) => term[5..^1],
        _ => "(not " + term + ")",
    };

    public static string Implies(string premise, string conclusion) =>
        premise == True ? conclusion : premise == False || conclusion == True ? True : Or(Not(premise), conclusion);

    public static string Ite(string condition, string then, string otherwise) => condition switch
    {
        True => then,
        False => otherwise,
        _ when then == otherwise => then,
        _ when then == True && otherwise == False => condition,
        _ when then == False && otherwise == True => Not(condition),
        _ => $"(ite {condition} {then} {otherwise})",
    };

    public static string Eq(string a, string b) => a == b ? True : $"(= {a} {b})";

    public static string Int(BigInteger value) => value.Sign < 0 ? $"(- {BigInteger.Negate(value).ToString(CultureInfo.InvariantCulture)})" : value.ToString(CultureInfo.InvariantCulture);

    public static string Int(long value) => Int(new BigInteger(value));

    public static string Le(string a, string b) => $"(<= {a} {b})";
    public static string Lt(string a, string b) => $"(< {a} {b})";

    /// <summary>A 128-bit bit-vector literal.</summary>
    public static string Bv128(UInt128 value) => "#x" + value.ToString("x32", CultureInfo.InvariantCulture);

    /// <summary>A string literal: printable ASCII as is (quotes doubled), everything else as \u{...}.</summary>
    public static string Str(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c == '"') sb.Append("\"\"");
            else if (c is >= ' ' and <= '~' && c != '\\') sb.Append(c);
            else sb.Append("\\u{").Append(((int)c).ToString("x", CultureInfo.InvariantCulture)).Append('}');
        }
        return sb.Append('"').ToString();
    }

    public static string Concat(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => Str(""),
        1 => parts[0],
        _ => "(str.++ " + string.Join(' ', parts) + ")",
    };

    public static string Length(string s) => $"(str.len {s})";
    public static string Substring(string s, string offset, string length) => $"(str.substr {s} {offset} {length})";
    public static string InRegex(string s, string regex) => regex == SmtRegex.All ? True : regex == SmtRegex.None ? False : $"(str.in_re {s} {regex})";

    public static string Add(IEnumerable<string> terms)
    {
        var list = terms.Where(t => t != "0").ToList();
        return list.Count switch { 0 => "0", 1 => list[0], _ => "(+ " + string.Join(' ', list) + ")" };
    }

    public static string Sub(string a, string b) => b == "0" ? a : $"(- {a} {b})";

    /// <summary>True when text[from..^1] is one complete term (so "(not X)" can be unwrapped).</summary>
    private static bool IsSingleTerm(string text, int from)
    {
        int depth = 0;
        for (int i = from; i < text.Length - 1; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') { depth--; if (depth < 0) return false; }
            else if (text[i] == '"') { i = text.IndexOf('"', i + 1); if (i < 0) return false; }
            else if (text[i] == ' ' && depth == 0) return false;
        }
        return depth == 0;
    }
}
