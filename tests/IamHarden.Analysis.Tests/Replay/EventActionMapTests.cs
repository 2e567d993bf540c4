using IamHarden.Analysis.Replay;

namespace IamHarden.Analysis.Tests.Replay;

public class EventActionMapTests
{
    // Mapping rules: shared/spec/aws-iam-api.md §5.4; S3 names from the Amazon S3 User Guide,
    // "Amazon S3 CloudTrail events" and the Service Authorization Reference for Amazon S3.
    [Theory]
    [InlineData("long-term-key-call", "ec2:DescribeInstances")]
    [InlineData("s3-list-objects", "s3:ListBucket")]
    [InlineData("from-home", "s3:ListAllMyBuckets")]
    [InlineData("lambda-versioned-name", "lambda:UpdateFunctionCode")]
    [InlineData("cloudwatch-by-monitoring-host", "cloudwatch:GetMetricData")]
    [InlineData("enrol-create-device", "iam:CreateVirtualMFADevice")]
    public void Maps_events_to_the_actions_IAM_authorizes(string eventId, string action)
    {
        var mapped = EventActionMap.For(ReplayFixtures.Record(eventId));
        Assert.Equal(EventActionKind.Action, mapped.Kind);
        Assert.Equal(action, mapped.Action);
    }

    [Theory]
    [InlineData("sign-in", EventActionKind.SignIn)]
    [InlineData("caller-identity", EventActionKind.NeedsNoPermission)]
    [InlineData("api-gateway-management", EventActionKind.NotDerivable)]
    public void Knows_the_events_IAM_policies_do_not_decide(string eventId, EventActionKind kind) =>
        Assert.Equal(kind, EventActionMap.For(ReplayFixtures.Record(eventId)).Kind);

    [Fact]
    public void A_versioned_object_read_needs_GetObjectVersion()
    {
        var record = ReplayFixtures.Record("via-vpc-endpoint") with
        {
            RequestParameters = new Dictionary<string, string> { ["bucketName"] = "b", ["key"] = "k", ["versionId"] = "3" },
        };
        Assert.Equal("s3:GetObjectVersion", EventActionMap.For(record).Action);
        Assert.Equal("s3:GetObjectVersion", EventActionMap.For(record with { EventName = "HeadObject" }).Action);
    }

    [Fact]
    public void Actions_take_the_catalogs_casing_and_unknown_ones_pass_through()
    {
        var record = ReplayFixtures.Record("long-term-key-call");
        Assert.Equal("ec2:DescribeInstances", EventActionMap.For(record with { EventName = "describeinstances" }).Action);
        Assert.Equal("ec2:DescribeFutureThings", EventActionMap.For(record with { EventName = "DescribeFutureThings" }).Action);
    }
}
