using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Core.Tests.Evaluation;

/// <summary>
/// Every condition operator, with and without IfExists, plain and under both set qualifiers,
/// against the spec's truth tables: §5.3 (absent keys, negation, IfExists), §5.6 (ForAllValues /
/// ForAnyValue over absent, empty and non-empty lists; IfExists has no effect there, CI04) and
/// §5.7 (a plain operator on a list is false). For each operator there is a policy value, a
/// context value it matches and one it does not; the expected outcome comes from the tables alone.
/// </summary>
public class OperatorTruthTableTests
{
    /// <summary>An operator, a policy value, a context value the base operator matches, and one it does not.</summary>
    private static readonly (string Op, string Value, string Match, string NoMatch)[] Operators =
    [
        ("StringEquals", "blue", "blue", "Blue"),
        ("StringNotEquals", "blue", "blue", "Blue"),
        ("StringEqualsIgnoreCase", "blue", "BLUE", "red"),
        ("StringNotEqualsIgnoreCase", "blue", "BLUE", "red"),
        ("StringLike", "bl?e*", "blue-team", "red"),
        ("StringNotLike", "bl?e*", "blue-team", "red"),
        ("NumericEquals", "10", "10.0", "11"),
        ("NumericNotEquals", "10", "10.0", "11"),
        ("NumericLessThan", "10", "9.5", "10"),
        ("NumericLessThanEquals", "10", "10", "10.5"),
        ("NumericGreaterThan", "10", "11", "10"),
        ("NumericGreaterThanEquals", "10", "10", "-10"),
        ("DateEquals", "2025-06-01T12:00:00Z", "2025-06-01T14:00:00+02:00", "2025-06-01T12:00:01Z"),
        ("DateNotEquals", "2025-06-01T12:00:00Z", "1748779200", "2025-06-01"),
        ("DateLessThan", "2025-06-01T12:00:00Z", "2025-06-01T11:59:59Z", "2025-06-01T12:00:00Z"),
        ("DateLessThanEquals", "2025-06-01T12:00:00Z", "1748779200", "2025-06-01T12:00:01Z"),
        ("DateGreaterThan", "2025-06-01", "2025-06-01T00:00:01Z", "2025-06-01T00:00:00Z"),
        ("DateGreaterThanEquals", "2025-06-01", "2025-06-01T00:00:00Z", "2025-05-31T23:59:59Z"),
        ("Bool", "true", "TRUE", "false"),
        ("BinaryEquals", "QmluYXJ5VmFsdWVJbkJhc2U2NA==", "QmluYXJ5VmFsdWVJbkJhc2U2NA==", "T3RoZXJWYWx1ZQ=="),
        ("IpAddress", "203.0.113.0/24", "203.0.113.255", "203.0.114.0"),
        ("NotIpAddress", "203.0.113.0/24", "203.0.113.0", "2001:db8::1"),
        ("ArnEquals", "arn:aws:iam::*:user/al*", "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:user/bob"),
        ("ArnLike", "arn:aws:iam::*:user/al*", "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:role/alice"),
        ("ArnNotEquals", "arn:aws:iam::*:user/al*", "arn:aws:iam::111122223333:user/alice", "arn:aws:sts::111122223333:assumed-role/al/x"),
        ("ArnNotLike", "arn:aws:iam::*:user/al*", "arn:aws:iam::111122223333:user/alice", "not an arn"),
    ];

    /// <summary>What the request carries for the key.</summary>
    public enum Carried { Absent, Match, NoMatch, EmptyList, ListOfMatch, ListOfMatchAndNoMatch, ListOfNoMatch }

    private static bool IsNegated(string op) => op is "StringNotEquals" or "StringNotEqualsIgnoreCase" or "StringNotLike" or "NumericNotEquals"
        or "DateNotEquals" or "NotIpAddress" or "ArnNotEquals" or "ArnNotLike";

    /// <summary>The spec's answer, from its tables only.</summary>
    private static bool Expected(string op, string qualifier, bool ifExists, Carried carried)
    {
        bool negated = IsNegated(op);
        // "Satisfies" for one element: a positive operator matches, a negated one does not (§5.1).
        bool Satisfies(bool matches) => negated ? !matches : matches;
        switch (qualifier)
        {
            case "ForAllValues:":
                return carried switch
                {
                    Carried.Absent or Carried.EmptyList => true,
                    Carried.Match or Carried.ListOfMatch => Satisfies(true),
                    Carried.NoMatch or Carried.ListOfNoMatch => Satisfies(false),
                    _ => Satisfies(true) && Satisfies(false),
                };
            case "ForAnyValue:":
                return carried switch
                {
                    Carried.Absent or Carried.EmptyList => false,
                    Carried.Match or Carried.ListOfMatch => Satisfies(true),
                    Carried.NoMatch or Carried.ListOfNoMatch => Satisfies(false),
                    _ => Satisfies(true) || Satisfies(false),
                };
            default:
                return carried switch
                {
                    Carried.Absent => ifExists || negated,
                    Carried.Match => Satisfies(true),
                    Carried.NoMatch => Satisfies(false),
                    _ => false, // a plain operator against a list-valued entry [impl, §5.7]
                };
        }
    }

    public static TheoryData<string, string, Carried> Cases()
    {
        var data = new TheoryData<string, string, Carried>();
        foreach (var (op, _, _, _) in Operators)
            foreach (var qualifier in new[] { "", "ForAllValues:", "ForAnyValue:" })
                foreach (var ifExists in new[] { "", "IfExists" })
                    foreach (var carried in Enum.GetValues<Carried>())
                        data.Add(qualifier + op + ifExists, qualifier, carried);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_operator_form_follows_the_spec_tables(string operatorName, string qualifier, Carried carried)
    {
        var baseName = operatorName[qualifier.Length..];
        bool ifExists = baseName.EndsWith("IfExists", StringComparison.Ordinal);
        if (ifExists) baseName = baseName[..^"IfExists".Length];
        var (_, value, match, noMatch) = Operators.Single(o => o.Op == baseName);

        var policy = WithCondition(operatorName, value);
        var context = new RequestContext();
        switch (carried)
        {
            case Carried.Match: context.Set("test:Key", match); break;
            case Carried.NoMatch: context.Set("test:Key", noMatch); break;
            case Carried.EmptyList: context.SetList("test:Key", []); break;
            case Carried.ListOfMatch: context.SetList("test:Key", [match]); break;
            case Carried.ListOfMatchAndNoMatch: context.SetList("test:Key", [match, noMatch]); break;
            case Carried.ListOfNoMatch: context.SetList("test:Key", [noMatch]); break;
        }
        var request = new AuthorizationRequest(PrincipalIdentity.DefaultUser, "s3:GetObject", "arn:aws:s3:::b/k", context);
        var expected = Expected(baseName, qualifier, ifExists, carried) ? Decision.Allowed : Decision.ImplicitDeny;
        Assert.Equal(expected, PolicyEvaluator.Decide(PolicySet.OfIdentity(policy), request));
        Assert.Equal(expected, PolicyEvaluator.Evaluate(PolicySet.OfIdentity(policy), request).Decision);
    }

    [Fact]
    public void Every_base_operator_but_Null_is_in_the_table()
    {
        var inTable = Operators.Select(o => o.Op).ToHashSet();
        var all = Enum.GetValues<ConditionOperatorKind>().Where(k => k != ConditionOperatorKind.Null).Select(k => k.ToString());
        Assert.Empty(all.Except(inTable));
    }

    [Theory]
    // Null (§5.5): "true" holds for an absent key or a null value (empty string, empty list); "false" for a present non-null value.
    [InlineData("true", Carried.Absent, true)]
    [InlineData("true", Carried.EmptyList, true)]
    [InlineData("true", Carried.Match, false)]
    [InlineData("true", Carried.ListOfMatch, false)]
    [InlineData("false", Carried.Absent, false)]
    [InlineData("false", Carried.EmptyList, false)]
    [InlineData("false", Carried.Match, true)]
    [InlineData("false", Carried.ListOfMatchAndNoMatch, true)]
    public void Null_tests_presence_and_null_values(string value, Carried carried, bool holds)
    {
        var policy = WithCondition("Null", value);
        var context = new RequestContext();
        if (carried == Carried.Match) context.Set("test:Key", "x");
        if (carried == Carried.EmptyList) context.SetList("test:Key", []);
        if (carried == Carried.ListOfMatch) context.SetList("test:Key", ["x"]);
        if (carried == Carried.ListOfMatchAndNoMatch) context.SetList("test:Key", ["x", "y"]);
        var request = new AuthorizationRequest(PrincipalIdentity.DefaultUser, "s3:GetObject", "arn:aws:s3:::b/k", context);
        Assert.Equal(holds ? Decision.Allowed : Decision.ImplicitDeny, PolicyEvaluator.Decide(PolicySet.OfIdentity(policy), request));
    }

    private static CompiledPolicy WithCondition(string op, string value) => CompiledPolicy.Parse(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"" + op + "\":{\"test:Key\":\"" + value + "\"}}}]}", "p");
}
