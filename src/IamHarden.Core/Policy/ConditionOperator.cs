using System.Collections.Frozen;

namespace IamHarden.Core.Policy;

/// <summary>The base operators of the IAM condition language (without IfExists or a set qualifier).</summary>
public enum ConditionOperatorKind
{
    StringEquals, StringNotEquals, StringEqualsIgnoreCase, StringNotEqualsIgnoreCase, StringLike, StringNotLike,
    NumericEquals, NumericNotEquals, NumericLessThan, NumericLessThanEquals, NumericGreaterThan, NumericGreaterThanEquals,
    DateEquals, DateNotEquals, DateLessThan, DateLessThanEquals, DateGreaterThan, DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress, NotIpAddress,
    ArnEquals, ArnLike, ArnNotEquals, ArnNotLike,
    Null,
}

/// <summary>Operator families: each compares values of one type.</summary>
public enum ConditionFamily { String, Numeric, Date, Bool, Binary, IpAddress, Arn, Null }

/// <summary>The optional set qualifier in front of an operator (ForAllValues:/ForAnyValue:).</summary>
public enum SetQualifier { None, ForAllValues, ForAnyValue }

/// <summary>
/// A parsed condition operator such as <c>ForAnyValue:StringNotEqualsIfExists</c>: base operator,
/// family, negation, IfExists and set qualifier. Operator names are case-sensitive, as in IAM.
/// </summary>
public sealed record ConditionOperator(string Name, ConditionOperatorKind Kind, SetQualifier Qualifier, bool IfExists)
{
    private static readonly FrozenDictionary<string, ConditionOperatorKind> BaseNames =
        Enum.GetValues<ConditionOperatorKind>().ToFrozenDictionary(k => k.ToString(), k => k, StringComparer.Ordinal);

    /// <summary>Every valid base operator name, for did-you-mean suggestions.</summary>
    public static IEnumerable<string> AllBaseNames => BaseNames.Keys;

    /// <summary>Every valid operator name without a set qualifier, IfExists forms included (not NullIfExists), for did-you-mean.</summary>
    public static IReadOnlyList<string> AllNamesWithIfExists { get; } =
        [.. BaseNames.Keys, .. BaseNames.Where(p => p.Value != ConditionOperatorKind.Null).Select(p => p.Key + "IfExists")];

    public ConditionFamily Family => FamilyOf(Kind);

    /// <summary>Negated operators (StringNotEquals, NotIpAddress, ...) require the value to match none of the policy values.</summary>
    public bool IsNegated => Kind is ConditionOperatorKind.StringNotEquals or ConditionOperatorKind.StringNotEqualsIgnoreCase
        or ConditionOperatorKind.StringNotLike or ConditionOperatorKind.NumericNotEquals or ConditionOperatorKind.DateNotEquals
        or ConditionOperatorKind.NotIpAddress or ConditionOperatorKind.ArnNotEquals or ConditionOperatorKind.ArnNotLike;

    /// <summary>Whether policy variables are substituted in this operator's values (String, ARN and Bool families).</summary>
    public bool AllowsVariables => Family is ConditionFamily.String or ConditionFamily.Arn or ConditionFamily.Bool;

    public static ConditionFamily FamilyOf(ConditionOperatorKind kind) => kind switch
    {
        <= ConditionOperatorKind.StringNotLike => ConditionFamily.String,
        <= ConditionOperatorKind.NumericGreaterThanEquals => ConditionFamily.Numeric,
        <= ConditionOperatorKind.DateGreaterThanEquals => ConditionFamily.Date,
        ConditionOperatorKind.Bool => ConditionFamily.Bool,
        ConditionOperatorKind.BinaryEquals => ConditionFamily.Binary,
        ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress => ConditionFamily.IpAddress,
        ConditionOperatorKind.Null => ConditionFamily.Null,
        _ => ConditionFamily.Arn,
    };

    /// <summary>The outcome of parsing an operator name.</summary>
    public enum ParseStatus { Ok, UnknownOperator, UnknownQualifier, NullWithIfExists }

    /// <summary>Parses an operator name; on failure <paramref name="op"/> is null and the status says why.</summary>
    public static ParseStatus TryParse(string name, out ConditionOperator? op)
    {
        op = null;
        var qualifier = SetQualifier.None;
        var rest = name;
        int colon = name.IndexOf(':');
        if (colon >= 0)
        {
            var prefix = name[..colon];
            if (prefix == "ForAllValues") qualifier = SetQualifier.ForAllValues;
            else if (prefix == "ForAnyValue") qualifier = SetQualifier.ForAnyValue;
            else return ParseStatus.UnknownQualifier;
            rest = name[(colon + 1)..];
        }
        bool ifExists = rest.EndsWith("IfExists", StringComparison.Ordinal) && rest.Length > "IfExists".Length;
        var baseName = ifExists ? rest[..^"IfExists".Length] : rest;
        if (!BaseNames.TryGetValue(baseName, out var kind)) return ParseStatus.UnknownOperator;
        if (kind == ConditionOperatorKind.Null && ifExists) return ParseStatus.NullWithIfExists;
        op = new ConditionOperator(name, kind, qualifier, ifExists);
        return ParseStatus.Ok;
    }

    public override string ToString() => Name;
}
