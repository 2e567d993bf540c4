namespace IamHarden.Analysis.Prover.Encoding.Strings;

/// <summary>
/// How the solver holds one string of a request (its resource, or one value of a String key):
/// as an SMT string, as a cell of the patterns it is compared with, or as a known constant.
/// </summary>
internal interface IStringValue
{
    /// <summary>The formula "the string matches this constant pattern".</summary>
    string Matches(StringPattern pattern);

    /// <summary>The string as an SMT string term, for comparisons with symbolic text (policy variables).</summary>
    string Term();

    void Declare(Smt.SmtScript script);

    /// <summary>Symbols whose model values make up the string.</summary>
    IEnumerable<string> ModelSymbols();

    /// <summary>The concrete string from the model values (taken in the order of <see cref="ModelSymbols"/>).</summary>
    string Decode(Func<Smt.SmtValueReader.Value> next);
}
