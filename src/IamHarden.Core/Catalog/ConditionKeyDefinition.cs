using System.Text;

namespace IamHarden.Core.Catalog;

/// <summary>
/// A condition key as the catalog defines it: its name, exactly as AWS spells it (templated keys
/// keep their placeholder, e.g. <c>aws:PrincipalTag/${TagKey}</c> or <c>s3:ExistingObjectTag/&lt;key&gt;</c>),
/// and its value type. Instances are immutable and shared: every action or resource type that
/// names the same key (with the same type) refers to the same instance.
/// </summary>
/// <remarks>
/// A name can have two definitions when services disagree on its type (for example
/// <c>identitystore:UserId</c> is String for identitystore but ArrayOfString for q); each service
/// then refers to its own. <see cref="ActionCatalog.FindConditionKey"/> picks the right one.
/// </remarks>
public sealed class ConditionKeyDefinition
{
    private readonly LowercaseGlob? templateGlob;

    internal ConditionKeyDefinition(string name, ConditionKeyType type, bool isGlobal)
    {
        Name = name;
        Type = type;
        IsGlobal = isGlobal;
        LowerCaseName = name.ToLowerInvariant();
        templateGlob = TemplateToGlob(LowerCaseName);
        LiteralLength = templateGlob is null ? name.Length : templateGlob.Pattern.Count(c => c is not ('*' or '?'));
    }

    /// <summary>The key's name with the catalog's casing, placeholders included.</summary>
    public string Name { get; }

    /// <summary>The key's value type.</summary>
    public ConditionKeyType Type { get; }

    /// <summary>
    /// True for keys that AWS documents as global: usable with every service (all <c>aws:</c> keys,
    /// and the few service-prefixed session keys AWS lists among them, such as <c>ec2:SourceInstanceArn</c>).
    /// </summary>
    public bool IsGlobal { get; }

    /// <summary>
    /// True when a request can carry several values for the key (the <c>ArrayOf</c> types), such
    /// as <c>aws:TagKeys</c> or <c>aws:CalledVia</c>; such keys need ForAnyValue/ForAllValues.
    /// </summary>
    public bool IsMultiValued => Type is ConditionKeyType.ArrayOfString or ConditionKeyType.ArrayOfNumeric
        or ConditionKeyType.ArrayOfDate or ConditionKeyType.ArrayOfBool or ConditionKeyType.ArrayOfIPAddress
        or ConditionKeyType.ArrayOfArn or ConditionKeyType.ArrayOfBinary;

    /// <summary>The type of one value: <see cref="Type"/> itself, or the element type of an <c>ArrayOf</c> type.</summary>
    public ConditionKeyType ValueType => Type switch
    {
        ConditionKeyType.ArrayOfString => ConditionKeyType.String,
        ConditionKeyType.ArrayOfNumeric => ConditionKeyType.Numeric,
        ConditionKeyType.ArrayOfDate => ConditionKeyType.Date,
        ConditionKeyType.ArrayOfBool => ConditionKeyType.Bool,
        ConditionKeyType.ArrayOfIPAddress => ConditionKeyType.IPAddress,
        ConditionKeyType.ArrayOfArn => ConditionKeyType.Arn,
        ConditionKeyType.ArrayOfBinary => ConditionKeyType.Binary,
        _ => Type,
    };

    /// <summary>
    /// True when the name holds a placeholder (<c>${Name}</c> or <c>&lt;name&gt;</c>) that a concrete key
    /// fills in, as <c>aws:PrincipalTag/Team</c> fills in <c>aws:PrincipalTag/${TagKey}</c>.
    /// </summary>
    public bool IsTemplate => templateGlob is not null;

    internal string LowerCaseName { get; }

    /// <summary>Characters of the name outside placeholders; the larger, the more specific a template.</summary>
    internal int LiteralLength { get; }

    /// <summary>
    /// Whether the lower-cased concrete key <paramref name="lowerCaseKey"/> is this key: equal to the
    /// name, or, for a template, equal to it with each placeholder replaced by at least one character.
    /// </summary>
    internal bool Matches(string lowerCaseKey) =>
        templateGlob?.IsMatch(lowerCaseKey) ?? string.Equals(lowerCaseKey, LowerCaseName, StringComparison.Ordinal);

    public override string ToString() => $"{Name} ({Type})";

    /// <summary>
    /// A placeholder stands for at least one character of any kind, written as the glob "?*".
    /// Condition key names contain no '*' or '?' themselves, so the glob cannot misread one.
    /// </summary>
    private static LowercaseGlob? TemplateToGlob(string lowerCaseName)
    {
        if (lowerCaseName.IndexOfAny(['$', '<']) < 0) return null;
        var glob = new StringBuilder(lowerCaseName.Length);
        bool sawPlaceholder = false;
        for (int i = 0; i < lowerCaseName.Length; i++)
        {
            char c = lowerCaseName[i];
            int close = c switch
            {
                '$' when i + 1 < lowerCaseName.Length && lowerCaseName[i + 1] == '{' => lowerCaseName.IndexOf('}', i + 2),
                '<' => lowerCaseName.IndexOf('>', i + 1),
                _ => -1,
            };
            if (close < 0)
            {
                glob.Append(c);
                continue;
            }
            glob.Append("?*");
            sawPlaceholder = true;
            i = close;
        }
        return sawPlaceholder ? LowercaseGlob.Create(glob.ToString()) : null;
    }
}
