namespace IamHarden.Core.Policy;

/// <summary>
/// Codes of the grammar errors the parser reports. Where IAM Access Analyzer has a finding for the
/// same problem the code is its issue code, so users can look it up.
/// </summary>
public static class ParseErrorCodes
{
    public const string JsonSyntaxError = "JSON_SYNTAX_ERROR";
    public const string NotAPolicy = "NOT_A_POLICY";
    public const string DuplicateJsonKey = "DUPLICATE_JSON_KEY";
    public const string InvalidPolicyElement = "INVALID_POLICY_ELEMENT";
    public const string InvalidElementType = "INVALID_ELEMENT_TYPE";
    public const string InvalidVersion = "INVALID_VERSION";
    public const string MissingStatement = "MISSING_STATEMENT";
    public const string MissingEffect = "MISSING_EFFECT";
    public const string InvalidEffect = "INVALID_EFFECT";
    public const string MissingAction = "MISSING_ACTION";
    public const string MissingResource = "MISSING_RESOURCE";
    public const string MissingPrincipal = "MISSING_PRINCIPAL";
    public const string UnsupportedPrincipal = "UNSUPPORTED_PRINCIPAL";
    public const string UnsupportedResource = "UNSUPPORTED_RESOURCE";
    public const string UnsupportedElementCombination = "UNSUPPORTED_ELEMENT_COMBINATION";
    public const string InvalidAction = "INVALID_ACTION_FORMAT";
    public const string InvalidArn = "INVALID_ARN";
    public const string InvalidPrincipalType = "INVALID_PRINCIPAL_TYPE";
    public const string InvalidConditionOperator = "INVALID_CONDITION_OPERATOR";
    public const string InvalidSetQualifier = "INVALID_SET_QUALIFIER";
    public const string NullWithIfExists = "NULL_WITH_IF_EXISTS";
    public const string InvalidVariableForOperator = "INVALID_VARIABLE_FOR_OPERATOR";
    public const string InvalidConditionValue = "INVALID_CONDITION_VALUE";
    public const string UnsupportedSid = "UNSUPPORTED_SID";
    public const string UniqueSidsRequired = "UNIQUE_SIDS_REQUIRED";
}
