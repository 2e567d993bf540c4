using IamHarden.Analysis.Prover.Encoding.Strings;
using IamHarden.Analysis.Prover.Smt;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// The SMT terms of one value of a context key (the single value, or one list element) and its
/// typed readings. A reading the key's representation does not have means the policies read the
/// key in a way the prover does not model.
/// </summary>
internal sealed class ElementTerms(ContextKeyPlan plan, string stem, int numericScale, IStringValue? text)
{
    /// <summary>Ticks of 1970-01-01T00:00:00Z.</summary>
    public const long UnixEpochTicks = 621355968000000000;

    public ContextKeyPlan Plan => plan;
    public string Stem => stem;

    public string BoolSymbol => stem + "_b";
    public string StringSymbol => stem + "_s";
    public string NumberSymbol => stem + "_n";
    public string DateSymbol => stem + "_t";
    public string EpochSymbol => stem + "_e";
    public string IpIsV6Symbol => stem + "_v6";
    public string IpSymbol => stem + "_ip";
    public string BinarySymbol => stem + "_c";
    public string NullSymbol => stem + "_z";

    /// <summary>How the string value is held (String keys only).</summary>
    public IStringValue? Text => text;

    /// <summary>The formula "the text the evaluator sees matches this constant pattern" (a Bool key reads "true"/"false").</summary>
    public string TextMatches(StringPattern pattern) => plan.Kind switch
    {
        KeyKind.String => text!.Matches(pattern),
        KeyKind.Bool => Smt.Smt.Ite(BoolSymbol, pattern.IsMatch("true") ? Smt.Smt.True : Smt.Smt.False, pattern.IsMatch("false") ? Smt.Smt.True : Smt.Smt.False),
        _ => throw Unsupported("as text"),
    };

    /// <summary>The text as an SMT string term (for comparisons with policy variables).</summary>
    public string TextTerm() => plan.Kind switch
    {
        KeyKind.String => text!.Term(),
        KeyKind.Bool => Smt.Smt.Ite(BoolSymbol, Smt.Smt.Str("true"), Smt.Smt.Str("false")),
        _ => throw Unsupported("as text"),
    };

    public string AsBool() => plan.Kind == KeyKind.Bool ? BoolSymbol : throw Unsupported("as a Boolean");

    /// <summary>The number times 10^scale, an integer.</summary>
    public string AsScaledNumber() => plan.Kind switch
    {
        KeyKind.Numeric => NumberSymbol,
        KeyKind.EpochSeconds => $"(* {EpochSymbol} {Smt.Smt.Int(System.Numerics.BigInteger.Pow(10, numericScale))})",
        _ => throw Unsupported("as a number"),
    };

    /// <summary>The instant in ticks.</summary>
    public string AsDateTicks() => plan.Kind switch
    {
        KeyKind.Date => DateSymbol,
        KeyKind.EpochSeconds => $"(+ (* {EpochSymbol} 10000000) {UnixEpochTicks})",
        _ => throw Unsupported("as a date"),
    };

    public (string IsV6, string Bits) AsIp() => plan.Kind == KeyKind.Ip ? (IpIsV6Symbol, IpSymbol) : throw Unsupported("as an IP address");

    public string AsBinaryChoice() => plan.Kind == KeyKind.Binary ? BinarySymbol : throw Unsupported("as binary");

    /// <summary>Declarations and the constraints that keep the value one the evaluator can read.</summary>
    public void Declare(SmtScript script)
    {
        switch (plan.Kind)
        {
            case KeyKind.NullOnly:
                script.Declare(NullSymbol, "Bool");
                break;
            case KeyKind.String:
                text!.Declare(script);
                break;
            case KeyKind.Bool:
                script.Declare(BoolSymbol, "Bool");
                break;
            case KeyKind.Numeric:
                script.Declare(NumberSymbol, "Int");
                // A decimal's mantissa has 96 bits: m / 10^scale is then exactly a System.Decimal.
                var max = Smt.Smt.Int(System.Numerics.BigInteger.Pow(2, 96) - 1);
                script.Assert($"(and (<= (- {max}) {NumberSymbol}) (<= {NumberSymbol} {max}))");
                break;
            case KeyKind.Date:
                script.Declare(DateSymbol, "Int");
                script.Assert($"(and (<= 0 {DateSymbol}) (<= {DateSymbol} {DateTime.MaxValue.Ticks}))");
                break;
            case KeyKind.EpochSeconds:
                script.Declare(EpochSymbol, "Int");
                // Four-character integers read as years, not epoch seconds (AwsDate), so they are left out.
                script.Assert($"(and (<= -62135596800 {EpochSymbol}) (<= {EpochSymbol} 253402300799) (not (and (<= -999 {EpochSymbol}) (<= {EpochSymbol} -100))) (not (and (<= 1000 {EpochSymbol}) (<= {EpochSymbol} 9999))))");
                break;
            case KeyKind.Ip:
                script.Declare(IpIsV6Symbol, "Bool");
                script.Declare(IpSymbol, "(_ BitVec 128)");
                script.Assert($"(or {IpIsV6Symbol} (= ((_ extract 127 32) {IpSymbol}) #x000000000000000000000000))");
                break;
            case KeyKind.Binary:
                script.Declare(BinarySymbol, "Int");
                script.Assert($"(and (<= 0 {BinarySymbol}) (<= {BinarySymbol} {plan.BinaryValues.Count}))");
                break;
        }
    }

    /// <summary>The symbols whose model values make up the concrete value.</summary>
    public IEnumerable<string> ModelSymbols() => plan.Kind switch
    {
        KeyKind.NullOnly => [NullSymbol],
        KeyKind.String => text!.ModelSymbols(),
        KeyKind.Bool => [BoolSymbol],
        KeyKind.Numeric => [NumberSymbol],
        KeyKind.Date => [DateSymbol],
        KeyKind.EpochSeconds => [EpochSymbol],
        KeyKind.Ip => [IpIsV6Symbol, IpSymbol],
        _ => [BinarySymbol],
    };

    private UnsupportedPolicyException Unsupported(string how) =>
        new(plan.Unsupported ?? $"the policies read {plan.Name} {how}, but elsewhere as {plan.Kind}; the prover does not model that mix");

    /// <summary>Used by <see cref="IpRange"/> encodings: the network of a range as a 128-bit value (IPv4 in the low 32 bits).</summary>
    public static UInt128 Bits(System.Net.IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        UInt128 value = 0;
        foreach (var b in bytes) value = (value << 8) | b;
        return value;
    }
}
