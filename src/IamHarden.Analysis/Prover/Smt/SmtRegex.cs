using System.Text;

namespace IamHarden.Analysis.Prover.Smt;

/// <summary>SMT-LIB2 regular expressions as text, with the trivial cases folded.</summary>
internal static class SmtRegex
{
    public const string None = "re.none";
    public const string All = "re.all";
    public const string Epsilon = "(str.to_re \"\")";

    public static string Literal(string text) => text.Length == 0 ? Epsilon : $"(str.to_re {Smt.Str(text)})";

    public static string Star(string regex) => regex == None || regex == Epsilon ? Epsilon : $"(re.* {regex})";

    public static string Plus(string regex) => regex == None ? None : $"(re.+ {regex})";

    public static string Optional(string regex) => $"(re.opt {regex})";

    public static string Concat(IEnumerable<string> parts)
    {
        var list = new List<string>();
        foreach (var p in parts)
        {
            if (p == None) return None;
            if (p != Epsilon) list.Add(p);
        }
        return list.Count switch { 0 => Epsilon, 1 => list[0], _ => "(re.++ " + string.Join(' ', list) + ")" };
    }

    public static string Concat(params string[] parts) => Concat((IEnumerable<string>)parts);

    public static string Union(IEnumerable<string> parts)
    {
        var list = parts.Where(p => p != None).Distinct().ToList();
        return list.Count switch { 0 => None, 1 => list[0], _ => "(re.union " + string.Join(' ', list) + ")" };
    }

    public static string Loop(string regex, int min, int max) => $"((_ re.loop {min} {max}) {regex})";

    /// <summary>Literal text followed by more: consecutive literal characters become one str.to_re.</summary>
    public sealed class Builder
    {
        private readonly List<string> _parts = [];
        private readonly StringBuilder _literal = new();

        public Builder Char(char c)
        {
            _literal.Append(c);
            return this;
        }

        public Builder Regex(string regex)
        {
            Flush();
            _parts.Add(regex);
            return this;
        }

        public string Build()
        {
            Flush();
            return Concat(_parts);
        }

        private void Flush()
        {
            if (_literal.Length == 0) return;
            _parts.Add(Literal(_literal.ToString()));
            _literal.Clear();
        }
    }
}
