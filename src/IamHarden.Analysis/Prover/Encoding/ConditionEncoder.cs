using System.Numerics;
using IamHarden.Analysis.Prover.Encoding.Strings;
using IamHarden.Core.Evaluation.Conditions;
using IamHarden.Core.Matching;
using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// One condition (operator, key, values) as a formula over a request's symbols, with exactly the
/// evaluator's rules (CompiledCondition and its families): an absent key makes positive operators
/// false and negated or IfExists ones true; a plain operator on a list is false; ForAllValues is
/// true on an absent or empty key, ForAnyValue false; IfExists changes nothing under a set
/// qualifier; negated operators require the value to match none of the policy values; Null asks
/// "absent or empty".
/// </summary>
internal sealed class ConditionEncoder(PatternEncoder patterns)
{
    public string Encode(Condition condition, bool substitute, RequestSymbols request)
    {
        var key = request.Key(condition.Key.Value) ?? throw new InvalidOperationException($"key {condition.Key.Value} was not collected");
        if (condition.Operator.Family != ConditionFamily.Null && key.Plan.Unsupported is { } reason) throw new UnsupportedPolicyException(reason);
        var op = condition.Operator;
        if (op.Family == ConditionFamily.Null)
        {
            var isNull = Smt.Smt.Or(Smt.Smt.Not(key.Present), key.IsNull);
            return Smt.Smt.Or(condition.Values.Select(v => AwsBool.TryParse(v.Value, out var expectAbsent)
                ? (expectAbsent ? isNull : Smt.Smt.Not(isNull))
                : throw new InvalidOperationException("unvalidated Null value")));
        }
        string Satisfies(ElementTerms element)
        {
            var matches = MatchesAnyPolicyValue(condition, substitute, element, request);
            return op.IsNegated ? Smt.Smt.Not(matches) : matches;
        }
        switch (op.Qualifier)
        {
            case SetQualifier.ForAllValues:
                return Smt.Smt.Or(Smt.Smt.Not(key.Present), key.IsNull,
                    Smt.Smt.And(key.Elements.Select((e, i) => Smt.Smt.Implies(key.Has(i), Satisfies(e)))));
            case SetQualifier.ForAnyValue:
                return Smt.Smt.And(key.Present, Smt.Smt.Not(key.IsNull),
                    Smt.Smt.Or(key.Elements.Select((e, i) => Smt.Smt.And(key.Has(i), Satisfies(e)))));
            default:
                var whenAbsent = op.IfExists || op.IsNegated ? Smt.Smt.True : Smt.Smt.False;
                var whenPresent = key.Plan.IsMultiValued ? Smt.Smt.False : Satisfies(key.Single);
                return Smt.Smt.Ite(key.Present, whenPresent, whenAbsent);
        }
    }

    /// <summary>The base (positive) operator: the value equals/matches/compares with at least one policy value.</summary>
    private string MatchesAnyPolicyValue(Condition condition, bool substitute, ElementTerms element, RequestSymbols request)
    {
        var kind = condition.Operator.Kind;
        var values = condition.Values.Select(v => v.Value).ToList();
        switch (condition.Operator.Family)
        {
            case ConditionFamily.String:
            {
                bool like = kind is ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike;
                bool ignoreCase = kind is ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase;
                return Smt.Smt.Or(values.Select(v =>
                {
                    var symbolic = SymbolicText.Of(v, substitute, request);
                    if (like)
                    {
                        var pattern = StringCondition.LikePattern(symbolic.Pieces);
                        return symbolic.HasVariables
                            ? Smt.Smt.And(symbolic.Resolvable, patterns.Match(element.TextTerm(), PatternEncoder.Split(pattern.Tokens, symbolic.Holes), ignoreCase: false))
                            : element.TextMatches(new StringPattern(pattern, false));
                    }
                    if (ignoreCase)
                    {
                        if (symbolic.HasVariables) throw new UnsupportedPolicyException($"{condition.Operator.Name} with a policy variable ({v}) is not modelled by the prover");
                        return element.TextMatches(new StringPattern(WildcardPattern.Literally(symbolic.ConstantText, ignoreCase: true), true));
                    }
                    return symbolic.HasVariables
                        ? Smt.Smt.And(symbolic.Resolvable, Smt.Smt.Eq(element.TextTerm(), Smt.Smt.Concat(symbolic.Concatenation)))
                        : element.TextMatches(RequestSymbols.Literal(symbolic.ConstantText));
                }));
            }
            case ConditionFamily.Arn:
            {
                return Smt.Smt.Or(values.Select(v =>
                {
                    var symbolic = SymbolicText.Of(v, substitute, request);
                    if (symbolic.HasVariables && !symbolic.VariablesInResourcePart())
                        throw new UnsupportedPolicyException($"{condition.Operator.Name} value \"{v}\" has a policy variable before the resource part of the ARN; the prover does not model that");
                    var pattern = ArnPatternCompiler.ForCondition(symbolic.Pieces);
                    return symbolic.HasVariables
                        ? Smt.Smt.And(symbolic.Resolvable, patterns.Match(element.TextTerm(), PatternEncoder.Split(pattern.Tokens, symbolic.Holes), ignoreCase: false))
                        : element.TextMatches(new StringPattern(pattern, false));
                }));
            }
            case ConditionFamily.Bool:
            {
                var actual = element.AsBool();
                return Smt.Smt.Or(values.Select(v =>
                {
                    var symbolic = SymbolicText.Of(v, substitute, request);
                    if (!symbolic.HasVariables)
                        return AwsBool.TryParse(symbolic.ConstantText, out var expected) ? (expected ? actual : Smt.Smt.Not(actual)) : Smt.Smt.False;
                    var textTerm = Smt.Smt.Concat(symbolic.Concatenation);
                    var isTrue = patterns.Match(textTerm, WildcardPattern.Literally("true", ignoreCase: true), ignoreCase: true);
                    var isFalse = patterns.Match(textTerm, WildcardPattern.Literally("false", ignoreCase: true), ignoreCase: true);
                    return Smt.Smt.And(symbolic.Resolvable, Smt.Smt.Or(Smt.Smt.And(actual, isTrue), Smt.Smt.And(Smt.Smt.Not(actual), isFalse)));
                }));
            }
            case ConditionFamily.Numeric:
            {
                var actual = element.AsScaledNumber();
                var scale = BigInteger.Pow(10, request.Vocabulary.NumericScale);
                return Smt.Smt.Or(values.Select(v =>
                {
                    if (!AwsNumber.TryParse(v, out var number)) throw new InvalidOperationException("unvalidated numeric value");
                    return Compare(kind, actual, Smt.Smt.Int(Scaled(number, scale)));
                }));
            }
            case ConditionFamily.Date:
            {
                var actual = element.AsDateTicks();
                return Smt.Smt.Or(values.Select(v => AwsDate.TryParse(v, out var ticks)
                    ? Compare(kind, actual, Smt.Smt.Int(ticks))
                    : throw new InvalidOperationException("unvalidated date value")));
            }
            case ConditionFamily.IpAddress:
            {
                var (isV6, bits) = element.AsIp();
                return Smt.Smt.Or(values.Select(v => IpRange.TryParse(v, out var range)
                    ? InRange(isV6, bits, range)
                    : throw new InvalidOperationException("unvalidated IP value")));
            }
            case ConditionFamily.Binary:
            {
                var choice = element.AsBinaryChoice();
                var known = element.Plan.BinaryValues;
                return Smt.Smt.Or(values.Select(v =>
                {
                    if (!AwsBinary.TryParse(v, out var bytes)) throw new InvalidOperationException("unvalidated binary value");
                    int index = Enumerable.Range(0, known.Count).First(i => known[i].AsSpan().SequenceEqual(bytes));
                    return Smt.Smt.Eq(choice, index.ToString());
                }));
            }
            default:
                throw new InvalidOperationException("Null is encoded as a whole");
        }
    }

    /// <summary>Whether an address lies in a range (never across IPv4/IPv6).</summary>
    public static string InRange(string isV6, string bits, IpRange range)
    {
        var family = range.IsIPv4 ? Smt.Smt.Not(isV6) : isV6;
        int width = range.IsIPv4 ? 32 : 128;
        if (range.PrefixLength == 0) return family;
        UInt128 network = ElementTerms.Bits(range.Network.BaseAddress);
        int high = width - 1, low = width - range.PrefixLength;
        var networkBits = (network >> low) & (range.PrefixLength == 128 ? UInt128.MaxValue : (UInt128.One << range.PrefixLength) - 1);
        var literal = "#b" + Convert(networkBits, range.PrefixLength);
        return Smt.Smt.And(family, $"(= ((_ extract {high} {low}) {bits}) {literal})");
    }

    private static string Convert(UInt128 value, int width)
    {
        var chars = new char[width];
        for (int i = 0; i < width; i++) chars[width - 1 - i] = ((value >> i) & 1) == 1 ? '1' : '0';
        return new string(chars);
    }

    /// <summary>The decimal times <paramref name="scale"/>, which has at least as many digits as its fraction (see ContextVocabulary.NumericScale).</summary>
    internal static BigInteger Scaled(decimal number, BigInteger scale)
    {
        var bits = decimal.GetBits(number);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        int exponent = (bits[3] >> 16) & 0xFF;
        if (bits[3] < 0) mantissa = -mantissa;
        return mantissa * scale / BigInteger.Pow(10, exponent);
    }

    private static string Compare(ConditionOperatorKind kind, string actual, string expected) => kind switch
    {
        ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals or ConditionOperatorKind.DateEquals or ConditionOperatorKind.DateNotEquals => Smt.Smt.Eq(actual, expected),
        ConditionOperatorKind.NumericLessThan or ConditionOperatorKind.DateLessThan => Smt.Smt.Lt(actual, expected),
        ConditionOperatorKind.NumericLessThanEquals or ConditionOperatorKind.DateLessThanEquals => Smt.Smt.Le(actual, expected),
        ConditionOperatorKind.NumericGreaterThan or ConditionOperatorKind.DateGreaterThan => Smt.Smt.Lt(expected, actual),
        _ => Smt.Smt.Le(expected, actual),
    };
}
