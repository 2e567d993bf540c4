using System.Text;

namespace IamHarden.Analysis.Prover.Smt;

/// <summary>
/// An SMT-LIB2 script being written: declarations, named definitions (so a formula used in
/// several places is written once) and assertions, with comments that make the emitted query
/// readable (--emit-smt2).
/// </summary>
internal sealed class SmtScript
{
    private readonly StringBuilder _text = new();
    private int _fresh;

    public SmtScript Comment(string text)
    {
        foreach (var line in text.Split('\n')) _text.Append("; ").Append(line).Append('\n');
        return this;
    }

    public SmtScript Command(string command)
    {
        _text.Append(command).Append('\n');
        return this;
    }

    public string Declare(string name, string sort)
    {
        _text.Append("(declare-const ").Append(name).Append(' ').Append(sort).Append(")\n");
        return name;
    }

    /// <summary>Defines <paramref name="name"/> as <paramref name="body"/> and returns the name (constants are returned as they are).</summary>
    public string Define(string name, string sort, string body)
    {
        if (body is Smt.True or Smt.False || !body.Contains(' ')) return body;
        _text.Append("(define-fun ").Append(name).Append(" () ").Append(sort).Append(' ').Append(body).Append(")\n");
        return name;
    }

    public string DefineBool(string name, string body) => Define(name, "Bool", body);

    /// <summary>A name not used before, for definitions and auxiliary constants.</summary>
    public string Fresh(string stem) => $"{stem}_{_fresh++}";

    public SmtScript Assert(string term)
    {
        if (term == Smt.True) return this;
        _text.Append("(assert ").Append(term).Append(")\n");
        return this;
    }

    public string Text => _text.ToString();

    public override string ToString() => Text;
}
