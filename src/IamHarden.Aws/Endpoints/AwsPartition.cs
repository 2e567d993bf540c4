using Amazon;

namespace IamHarden.Aws;

/// <summary>
/// An AWS partition: a separate copy of AWS with its own ARNs (<c>arn:aws-cn:…</c>), DNS suffix and global IAM
/// endpoint. IAM requests are signed for the partition's fixed <see cref="IamSigningRegion"/> whatever region the
/// user configured.
/// </summary>
/// <param name="Name">The partition id used in ARNs: <c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, <c>aws-iso</c>, <c>aws-iso-b</c>.</param>
/// <param name="DnsSuffix">The partition's DNS suffix, e.g. <c>amazonaws.com.cn</c>.</param>
/// <param name="IamEndpoint">The global IAM endpoint of the partition.</param>
/// <param name="IamSigningRegion">The region IAM requests are signed for.</param>
public sealed record AwsPartition(string Name, string DnsSuffix, Uri IamEndpoint, string IamSigningRegion)
{
    public static readonly AwsPartition Aws =
        new("aws", "amazonaws.com", new Uri("https://iam.amazonaws.com/"), "us-east-1");

    public static readonly AwsPartition China =
        new("aws-cn", "amazonaws.com.cn", new Uri("https://iam.cn-north-1.amazonaws.com.cn/"), "cn-north-1");

    public static readonly AwsPartition GovCloud =
        new("aws-us-gov", "amazonaws.com", new Uri("https://iam.us-gov.amazonaws.com/"), "us-gov-west-1");

    public static readonly AwsPartition Iso =
        new("aws-iso", "c2s.ic.gov", new Uri("https://iam.us-iso-east-1.c2s.ic.gov/"), "us-iso-east-1");

    public static readonly AwsPartition IsoB =
        new("aws-iso-b", "sc2s.sgov.gov", new Uri("https://iam.us-isob-east-1.sc2s.sgov.gov/"), "us-isob-east-1");

    /// <summary>Every partition IamHarden knows.</summary>
    public static IReadOnlyList<AwsPartition> All { get; } = [Aws, China, GovCloud, Iso, IsoB];

    /// <summary>The partition with this id; throws <see cref="ArgumentException"/> with the valid ids otherwise.</summary>
    public static AwsPartition FromName(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"Unknown AWS partition '{name}'. Known partitions: {string.Join(", ", All.Select(p => p.Name))}.", nameof(name));

    /// <summary>The partition a region belongs to (<c>cn-north-1</c> → aws-cn, <c>us-gov-west-1</c> → aws-us-gov).</summary>
    public static AwsPartition FromRegion(string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        // Prefix rules first: they are how AWS names regions, and they also cover regions newer than the SDK.
        if (region.StartsWith("cn-", StringComparison.OrdinalIgnoreCase))
            return China;
        if (region.StartsWith("us-gov-", StringComparison.OrdinalIgnoreCase))
            return GovCloud;
        if (region.StartsWith("us-isob-", StringComparison.OrdinalIgnoreCase))
            return IsoB;
        if (region.StartsWith("us-iso-", StringComparison.OrdinalIgnoreCase))
            return Iso;
        var known = RegionEndpoint.GetBySystemName(region).PartitionName;
        return All.FirstOrDefault(p => p.Name == known) ?? Aws;
    }

    /// <summary>The partition named in an ARN (<c>arn:aws-cn:iam::…</c>), or null when the text is not an ARN.</summary>
    public static AwsPartition? FromArn(string arn)
    {
        var parts = arn.Split(':', 3);
        if (parts.Length < 3 || parts[0] != "arn")
            return null;
        return All.FirstOrDefault(p => p.Name == parts[1]);
    }

    /// <summary>The regional STS endpoint (what the v4 SDKs use), e.g. <c>https://sts.cn-north-1.amazonaws.com.cn/</c>.</summary>
    public Uri StsEndpoint(string region) => new($"https://sts.{region}.{DnsSuffix}/");
}
