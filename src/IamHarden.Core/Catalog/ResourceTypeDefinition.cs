using System.Collections.Immutable;

namespace IamHarden.Core.Catalog;

/// <summary>
/// A resource type of one service (such as s3 <c>object</c>): its name, the ARN format AWS
/// documents for it, and the condition keys that apply to requests on it. Immutable.
/// </summary>
public sealed class ResourceTypeDefinition
{
    private ArnFormatPattern[]? compiledFormats;

    internal ResourceTypeDefinition(string servicePrefix, string name, string arnFormat, ImmutableArray<ConditionKeyDefinition> conditionKeys)
    {
        ServicePrefix = servicePrefix;
        Name = name;
        ArnFormat = arnFormat;
        ArnFormats = [.. arnFormat.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        ConditionKeys = conditionKeys;
    }

    /// <summary>The prefix of the service that defines the type, e.g. "s3".</summary>
    public string ServicePrefix { get; }

    /// <summary>The type's name with the catalog's casing, e.g. "object" or "accesspointobject".</summary>
    public string Name { get; }

    /// <summary>
    /// The ARN format as AWS documents it, e.g. <c>arn:${Partition}:s3:::${BucketName}/${ObjectName}</c>.
    /// A few types document several formats in one string, separated by ", "; see <see cref="ArnFormats"/>.
    /// </summary>
    public string ArnFormat { get; }

    /// <summary>The individual ARN formats (one for almost every type).</summary>
    public ImmutableArray<string> ArnFormats { get; }

    /// <summary>Condition keys that apply to requests on a resource of this type (such as aws:ResourceTag/${TagKey}).</summary>
    public ImmutableArray<ConditionKeyDefinition> ConditionKeys { get; }

    /// <summary>
    /// Whether a resource matched by <paramref name="arn"/> could be of this type. <paramref name="arn"/>
    /// may be concrete (<c>arn:aws:iam::111122223333:user/alice</c>) or a policy's Resource value with
    /// <c>*</c>, <c>?</c> and policy variables (<c>arn:aws:s3:::bucket/*</c>, <c>*</c>); it matches when
    /// at least one concrete ARN satisfies both <paramref name="arn"/> and one of the type's formats.
    /// </summary>
    /// <remarks>
    /// How a format reads:
    /// <list type="bullet">
    /// <item>Before the format's fifth colon (partition, service, region, account) a placeholder
    /// such as <c>${Partition}</c>, <c>${Region}</c>, <c>${Account}</c> is one segment: one or more
    /// characters, no colon. A literal <c>*</c> there is any text without a colon.</item>
    /// <item>In the resource part a placeholder is one or more characters other than the one that
    /// follows it in the format (so <c>${BucketName}/</c> has no '/', <c>${LogGroupName}:</c> no ':').
    /// A placeholder at the end is any text, slashes and colons included (S3 keys, IAM paths),
    /// unless it is the whole resource part, where it has no '/' (so <c>arn:aws:s3:::b/k</c> is an
    /// object, not a bucket). A literal <c>*</c> is any text.</item>
    /// <item>Literal text is compared case-sensitively, as AWS compares resource ARNs.</item>
    /// </list>
    /// In <paramref name="arn"/>, <c>*</c> is any text, <c>?</c> one character, <c>${...}</c> policy
    /// variables any text, and <c>${*}</c>, <c>${?}</c>, <c>${$}</c> the literal characters.
    /// The test is permissive where the documentation is: a final placeholder also accepts a
    /// longer ARN of a nested type (a DynamoDB table's format accepts an index ARN).
    /// </remarks>
    public bool Matches(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        var formats = compiledFormats ??= [.. ArnFormats.Select(ArnFormatPattern.Compile)];
        foreach (var format in formats)
        {
            if (format.Intersects(arn)) return true;
        }
        return false;
    }

    public override string ToString() => $"{ServicePrefix} {Name} ({ArnFormat})";
}
