using System.Globalization;
using System.Numerics;
using System.Text;

namespace IamHarden.Analysis.Prover.Smt;

/// <summary>
/// Reads what Z3 prints for (get-value (t1 t2 ...)): "((t1 v1) (t2 v2) ...)" with values that are
/// booleans, integers ("5", "(- 5)"), bit-vectors ("#x..", "#b..") or string literals (with
/// "" for a quote and \u{..} escapes). Returns the values in order.
/// </summary>
internal static class SmtValueReader
{
    /// <summary>One value: exactly one of the properties is set.</summary>
    public sealed record Value(bool? Bool, BigInteger? Integer, string? Text)
    {
        public bool AsBool() => Bool ?? throw new FormatException("expected a Boolean value");
        public BigInteger AsInteger() => Integer ?? throw new FormatException("expected an integer value");
        public string AsString() => Text ?? throw new FormatException("expected a string value");
    }

    public static IReadOnlyList<Value> Read(string output)
    {
        var reader = new Reader(output);
        var top = reader.ReadList() ?? throw new FormatException("expected a list of values");
        var result = new List<Value>();
        foreach (var pair in top)
        {
            if (pair is not List<object> { Count: 2 } entry) throw new FormatException("expected (term value) pairs");
            result.Add(ToValue(entry[1]));
        }
        return result;
    }

    private static Value ToValue(object node)
    {
        switch (node)
        {
            case StringLiteral s: return new Value(null, null, s.Text);
            case string atom:
                if (atom == "true") return new Value(true, null, null);
                if (atom == "false") return new Value(false, null, null);
                if (atom.StartsWith("#x", StringComparison.Ordinal))
                    return new Value(null, BigInteger.Parse("0" + atom[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture), null);
                if (atom.StartsWith("#b", StringComparison.Ordinal))
                    return new Value(null, atom[2..].Aggregate(BigInteger.Zero, (acc, c) => acc * 2 + (c - '0')), null);
                return new Value(null, BigInteger.Parse(atom, CultureInfo.InvariantCulture), null);
            case List<object> { Count: 2 } neg when neg[0] is "-":
                return new Value(null, -ToValue(neg[1]).AsInteger(), null);
            default:
                throw new FormatException("unexpected value in the solver's model");
        }
    }

    private sealed record StringLiteral(string Text);

    private sealed class Reader(string text)
    {
        private int _at;

        public List<object>? ReadList()
        {
            Skip();
            if (_at >= text.Length || text[_at] != '(') return null;
            return (List<object>)ReadNode();
        }

        private object ReadNode()
        {
            Skip();
            if (_at >= text.Length) throw new FormatException("unexpected end of the solver's output");
            char c = text[_at];
            if (c == '(')
            {
                _at++;
                var list = new List<object>();
                while (true)
                {
                    Skip();
                    if (_at >= text.Length) throw new FormatException("unbalanced parentheses in the solver's output");
                    if (text[_at] == ')') { _at++; return list; }
                    list.Add(ReadNode());
                }
            }
            if (c == '"') return ReadString();
            int start = _at;
            while (_at < text.Length && !char.IsWhiteSpace(text[_at]) && text[_at] is not ('(' or ')')) _at++;
            return text[start.._at];
        }

        private StringLiteral ReadString()
        {
            _at++;
            var sb = new StringBuilder();
            while (true)
            {
                if (_at >= text.Length) throw new FormatException("unterminated string in the solver's output");
                char c = text[_at++];
                if (c == '"')
                {
                    if (_at < text.Length && text[_at] == '"') { sb.Append('"'); _at++; continue; }
                    return new StringLiteral(sb.ToString());
                }
                if (c == '\\' && _at < text.Length && text[_at] == 'u')
                {
                    // \u{h..h} or \udddd
                    int save = _at;
                    _at++;
                    string hex;
                    if (_at < text.Length && text[_at] == '{')
                    {
                        int close = text.IndexOf('}', _at);
                        hex = close > 0 ? text[(_at + 1)..close] : "";
                        _at = close + 1;
                    }
                    else
                    {
                        hex = _at + 4 <= text.Length ? text.Substring(_at, 4) : "";
                        _at += 4;
                    }
                    if (hex.Length > 0 && int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        sb.Append(char.ConvertFromUtf32(code));
                        continue;
                    }
                    _at = save;
                }
                sb.Append(c);
            }
        }

        private void Skip()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at])) _at++;
        }
    }
}
