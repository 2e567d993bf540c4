namespace IamHarden.Core.Catalog;

/// <summary>
/// The value type of a condition key, in the words of the AWS Service Authorization Reference
/// ("String", "ArrayOfARN", ...). The <c>ArrayOf</c> members are multivalued keys: a request can
/// carry several values, and policies test them with the ForAnyValue/ForAllValues qualifiers.
/// </summary>
public enum ConditionKeyType
{
    String,
    ArrayOfString,
    Numeric,
    ArrayOfNumeric,
    Date,
    ArrayOfDate,
    Bool,
    ArrayOfBool,
    IPAddress,
    ArrayOfIPAddress,
    Arn,
    ArrayOfArn,
    Binary,
    ArrayOfBinary,
}
