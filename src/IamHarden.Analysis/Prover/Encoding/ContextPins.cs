using System.Numerics;
using IamHarden.Analysis.Prover.Smt;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// Context keys the user fixed (verify --context KEY=VALUE): the property is then checked only
/// for requests that carry exactly that value. A value the key's representation cannot hold is
/// an input error.
/// </summary>
internal static class ContextPins
{
    public static void Assert(SmtScript script, RequestSymbols request, RequestContext pins)
    {
        foreach (var (key, value) in pins.Entries)
        {
            if (request.Key(key) is not { } terms) continue; // not read by anything: it just travels with the request
            script.Comment($"pinned: {key}={value}");
            script.Assert(terms.Present);
            if (terms.Plan.IsMultiValued)
            {
                var items = value.Values;
                if (items.Count > terms.Plan.ElementBound)
                    throw new ProverInputException($"--context {key} has {items.Count} values; the prover models up to {terms.Plan.ElementBound} for this key");
                script.Assert(Smt.Smt.Eq(terms.Count, items.Count.ToString()));
                for (int i = 0; i < items.Count; i++) script.Assert(Equals(terms.Elements[i], key, items[i], request.Vocabulary.NumericScale));
                continue;
            }
            if (value.IsList) throw new ProverInputException($"--context {key}: {key} takes a single value, not a list");
            script.Assert(Equals(terms.Single, key, value[0], request.Vocabulary.NumericScale));
        }
    }

    private static string Equals(ElementTerms element, string key, string text, int scale)
    {
        switch (element.Plan.Kind)
        {
            case KeyKind.String: return element.Text is Strings.FixedValue ? Smt.Smt.True : element.TextMatches(RequestSymbols.Literal(text));
            case KeyKind.NullOnly: return text.Length == 0 ? element.NullSymbol : Smt.Smt.Not(element.NullSymbol);
            case KeyKind.Bool:
                return AwsBool.TryParse(text, out var b) ? (b ? element.BoolSymbol : Smt.Smt.Not(element.BoolSymbol))
                    : throw new ProverInputException($"--context {key}={text}: expected true or false");
            case KeyKind.Numeric:
                if (!AwsNumber.TryParse(text, out var n)) throw new ProverInputException($"--context {key}={text}: expected a number");
                return Smt.Smt.Eq(element.NumberSymbol, Smt.Smt.Int(ConditionEncoder.Scaled(n, BigInteger.Pow(10, scale))));
            case KeyKind.Date:
                return AwsDate.TryParse(text, out var ticks) ? Smt.Smt.Eq(element.DateSymbol, Smt.Smt.Int(ticks))
                    : throw new ProverInputException($"--context {key}={text}: expected an ISO 8601 date or epoch seconds");
            case KeyKind.EpochSeconds:
                return long.TryParse(text, out var seconds) && text.Length != 4 ? Smt.Smt.Eq(element.EpochSymbol, Smt.Smt.Int(seconds))
                    : throw new ProverInputException($"--context {key}={text}: expected epoch seconds (the policies read {key} as a date and as a number)");
            case KeyKind.Ip:
                if (!IpAddressText.TryParse(text, out var address)) throw new ProverInputException($"--context {key}={text}: expected an IPv4 or IPv6 address");
                var v6 = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
                return Smt.Smt.And(v6 ? element.IpIsV6Symbol : Smt.Smt.Not(element.IpIsV6Symbol), Smt.Smt.Eq(element.IpSymbol, Smt.Smt.Bv128(ElementTerms.Bits(address))));
            default:
                if (!AwsBinary.TryParse(text, out var bytes)) throw new ProverInputException($"--context {key}={text}: expected base64-encoded bytes");
                var known = element.Plan.BinaryValues;
                int index = Enumerable.Range(0, known.Count).FirstOrDefault(i => known[i].AsSpan().SequenceEqual(bytes), known.Count);
                return Smt.Smt.Eq(element.BinarySymbol, index.ToString());
        }
    }
}
