namespace IamHarden.Aws;

/// <summary>Where requests for one service go and how they are signed.</summary>
/// <param name="Service">The SigV4 service name and IAM action prefix: <c>iam</c> or <c>sts</c>.</param>
/// <param name="Url">The URL requests are POSTed to.</param>
/// <param name="SigningRegion">The region in the SigV4 credential scope.</param>
/// <param name="ApiVersion">The Query API version sent as <c>Version=</c>.</param>
public sealed record AwsServiceEndpoint(string Service, Uri Url, string SigningRegion, string ApiVersion)
{
    public const string IamApiVersion = "2010-05-08";
    public const string StsApiVersion = "2011-06-15";

    /// <summary>The IAM endpoint of a partition, or <paramref name="overrideUrl"/> signed as that partition's IAM region.</summary>
    public static AwsServiceEndpoint Iam(AwsPartition partition, Uri? overrideUrl = null) =>
        new("iam", overrideUrl ?? partition.IamEndpoint, partition.IamSigningRegion, IamApiVersion);

    /// <summary>The regional STS endpoint, or <paramref name="overrideUrl"/> signed for <paramref name="region"/>.</summary>
    public static AwsServiceEndpoint Sts(AwsPartition partition, string region, Uri? overrideUrl = null) =>
        new("sts", overrideUrl ?? partition.StsEndpoint(region), region, StsApiVersion);
}
