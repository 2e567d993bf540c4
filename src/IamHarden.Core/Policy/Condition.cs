using System.Collections.Immutable;
using IamHarden.Core.Policy.Syntax;

namespace IamHarden.Core.Policy;

/// <summary>
/// One operator/key pair of a Condition block with its values, e.g.
/// <c>"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}</c>. Values are kept as text: JSON
/// booleans and numbers become their canonical text ("true", "10"), as IAM compares them.
/// </summary>
public sealed record Condition(
    ConditionOperator Operator,
    SourceSpan OperatorSpan,
    LocatedString Key,
    ImmutableArray<LocatedString> Values,
    bool ValuesWereArray,
    string JsonPath);
