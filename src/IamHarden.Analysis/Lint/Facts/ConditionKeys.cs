using IamHarden.Core.Catalog;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Facts;

/// <summary>How lint reads a condition key name against the catalog.</summary>
public static class ConditionKeys
{
    /// <summary>The part before the first colon ("aws", "s3"), or null for a key without one.</summary>
    public static string? Prefix(string key) => key.IndexOf(':') is var colon and > 0 ? key[..colon] : null;

    public static bool IsGlobalPrefix(string key) => string.Equals(Prefix(key), "aws", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Keys named after an identity provider (token.actions.githubusercontent.com:sub,
    /// accounts.google.com:aud, a custom OIDC issuer): any host can be one, so the catalog cannot
    /// know them all and lint does not judge them.
    /// </summary>
    public static bool IsProviderKey(string key) => Prefix(key) is { } prefix && prefix.Contains('.');

    /// <summary>True for keys lint cannot look up: provider keys and keys that are literal text with ${...}.</summary>
    public static bool IsUncheckable(string key) => IsProviderKey(key) || key.Contains("${", StringComparison.Ordinal);

    /// <summary>The key's definition, or null when the catalog does not know it.</summary>
    public static ConditionKeyDefinition? Find(ActionCatalog catalog, string key)
    {
        if (catalog.FindConditionKey(key) is { } found) return found;
        // A few services document their tag keys with a placeholder the catalog keeps as plain
        // text ("secretsmanager:ResourceTag/tag-key", "glacier:ResourceTag/"): read those as templates.
        int slash = key.IndexOf('/');
        if (slash <= 0 || slash == key.Length - 1) return null;
        var stem = key[..(slash + 1)];
        return catalog.FindConditionKey(stem + "tag-key") ?? catalog.FindConditionKey(stem);
    }

    /// <summary>A tag key written without the tag's name ("aws:PrincipalTag", "aws:ResourceTag/"): the catalog knows the key only with one.</summary>
    public static bool LacksTagName(ActionCatalog catalog, string key)
    {
        if (!key.Contains("Tag", StringComparison.OrdinalIgnoreCase) || Find(catalog, key) is not null) return false;
        var stem = key.EndsWith('/') ? key : key + "/";
        return Find(catalog, stem + "name") is { IsTemplate: true };
    }

    /// <summary>Whether a key of this value type can be compared by operators of <paramref name="family"/>.</summary>
    public static bool Accepts(ConditionFamily family, ConditionKeyType valueType, string key) => family switch
    {
        ConditionFamily.Null => true,
        // ARN keys are routinely compared with String operators (AWS's own examples do it).
        ConditionFamily.String => valueType is ConditionKeyType.String or ConditionKeyType.Arn,
        ConditionFamily.Arn => valueType is ConditionKeyType.Arn or ConditionKeyType.String,
        ConditionFamily.Numeric => valueType == ConditionKeyType.Numeric || IsEpochTime(key),
        ConditionFamily.Date => valueType == ConditionKeyType.Date || IsEpochTime(key),
        ConditionFamily.Bool => valueType == ConditionKeyType.Bool,
        ConditionFamily.Binary => valueType == ConditionKeyType.Binary,
        ConditionFamily.IpAddress => valueType == ConditionKeyType.IPAddress,
        _ => true,
    };

    /// <summary>aws:EpochTime is documented for both Date and Numeric operators.</summary>
    private static bool IsEpochTime(string key) => string.Equals(key, "aws:EpochTime", StringComparison.OrdinalIgnoreCase);

    /// <summary>The operator family that fits a value type, for messages ("use Bool").</summary>
    public static string OperatorsFor(ConditionKeyType valueType) => valueType switch
    {
        ConditionKeyType.String => "a String operator (StringEquals, StringLike, ...)",
        ConditionKeyType.Arn => "an ARN operator (ArnEquals, ArnLike, ...) or a String operator",
        ConditionKeyType.Numeric => "a Numeric operator (NumericEquals, NumericLessThan, ...)",
        ConditionKeyType.Date => "a Date operator (DateGreaterThan, DateLessThan, ...)",
        ConditionKeyType.Bool => "Bool",
        ConditionKeyType.Binary => "BinaryEquals",
        ConditionKeyType.IPAddress => "IpAddress or NotIpAddress",
        _ => "an operator of its type",
    };
}
