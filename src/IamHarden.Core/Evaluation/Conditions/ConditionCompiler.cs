using IamHarden.Core.Policy;

namespace IamHarden.Core.Evaluation.Conditions;

/// <summary>Picks the compiled form for a condition's operator family.</summary>
internal static class ConditionCompiler
{
    public static CompiledCondition Compile(Condition condition, bool substituteVariables) => condition.Operator.Family switch
    {
        ConditionFamily.String => new StringCondition(condition, substituteVariables),
        ConditionFamily.Numeric => new NumericCondition(condition),
        ConditionFamily.Date => new DateCondition(condition),
        ConditionFamily.Bool => new BoolCondition(condition, substituteVariables),
        ConditionFamily.Binary => new BinaryCondition(condition),
        ConditionFamily.IpAddress => new IpAddressCondition(condition),
        ConditionFamily.Arn => new ArnCondition(condition, substituteVariables),
        _ => new NullCondition(condition),
    };
}
