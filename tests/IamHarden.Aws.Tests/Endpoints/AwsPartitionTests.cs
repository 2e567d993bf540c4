namespace IamHarden.Aws.Tests.Endpoints;

public sealed class AwsPartitionTests
{
    [Theory]
    [InlineData("us-east-1", "aws", "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("ap-northeast-2", "aws", "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("eu-central-2", "aws", "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("cn-north-1", "aws-cn", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("cn-northwest-1", "aws-cn", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("us-gov-west-1", "aws-us-gov", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1")]
    [InlineData("us-gov-east-1", "aws-us-gov", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1")]
    [InlineData("us-iso-east-1", "aws-iso", "https://iam.us-iso-east-1.c2s.ic.gov/", "us-iso-east-1")]
    public void Iam_is_global_per_partition_and_signed_for_the_partition_region(string region, string partition, string url, string signingRegion)
    {
        var p = AwsPartition.FromRegion(region);
        var iam = AwsServiceEndpoint.Iam(p);
        Assert.Equal(partition, p.Name);
        Assert.Equal(new Uri(url), iam.Url);
        Assert.Equal(signingRegion, iam.SigningRegion);
        Assert.Equal("iam", iam.Service);
        Assert.Equal("2010-05-08", iam.ApiVersion);
    }

    [Theory]
    [InlineData("ap-northeast-2", "https://sts.ap-northeast-2.amazonaws.com/")]
    [InlineData("cn-north-1", "https://sts.cn-north-1.amazonaws.com.cn/")]
    [InlineData("us-gov-west-1", "https://sts.us-gov-west-1.amazonaws.com/")]
    public void Sts_uses_the_regional_endpoint_signed_for_the_region(string region, string url)
    {
        var sts = AwsServiceEndpoint.Sts(AwsPartition.FromRegion(region), region);
        Assert.Equal(new Uri(url), sts.Url);
        Assert.Equal(region, sts.SigningRegion);
        Assert.Equal("2011-06-15", sts.ApiVersion);
    }

    [Fact]
    public void An_endpoint_override_keeps_the_partition_signing_scope()
    {
        var iam = AwsServiceEndpoint.Iam(AwsPartition.China, new Uri("http://127.0.0.1:5000/"));
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), iam.Url);
        Assert.Equal("cn-north-1", iam.SigningRegion);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:user/alice", "aws")]
    [InlineData("arn:aws-cn:sts::123456789012:assumed-role/R/s", "aws-cn")]
    [InlineData("arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess", "aws-us-gov")]
    public void The_partition_is_read_from_an_arn(string arn, string partition) =>
        Assert.Equal(partition, AwsPartition.FromArn(arn)?.Name);

    [Fact]
    public void An_unknown_partition_name_lists_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => AwsPartition.FromName("aws-mars"));
        Assert.Contains("aws, aws-cn, aws-us-gov", e.Message);
    }
}
