using IamHarden.Core.Catalog;

namespace IamHarden.Core.Tests.Catalog;

public class ResourceTypeMatchingTests
{
    private static ResourceTypeDefinition Type(string service, string name) =>
        ActionCatalog.Default.FindService(service)!.FindResourceType(name)!;

    [Theory]
    [InlineData("arn:aws:iam::111122223333:user/alice", true)]
    [InlineData("arn:aws:iam::111122223333:user/division/team/alice", true)]
    [InlineData("arn:aws:iam::*:user/${aws:username}", true)]
    [InlineData("arn:aws:iam::111122223333:user/*", true)]
    [InlineData("arn:aws-cn:iam::111122223333:user/alice", true)]
    [InlineData("*", true)]
    [InlineData("arn:aws:iam::111122223333:*", true)]
    [InlineData("arn:aws:iam::111122223333:group/admins", false)]
    [InlineData("arn:aws:iam::111122223333:User/alice", false)]
    [InlineData("arn:aws:iam::111122223333:user/", false)]
    [InlineData("arn:aws:s3:::bucket/user/alice", false)]
    [InlineData("arn:aws:iam::111122223333:role/user/alice", false)]
    [InlineData("arn:aws:iam:us-east-1:111122223333:user/alice", false)]
    public void The_iam_user_type(string arn, bool expected) => Assert.Equal(expected, Type("iam", "user").Matches(arn));

    [Theory]
    [InlineData("arn:aws:s3:::my-bucket", true, false)]
    [InlineData("arn:aws:s3:::my-bucket/photos/cat.jpg", false, true)]
    [InlineData("arn:aws:s3:::my-bucket/*", false, true)]
    [InlineData("arn:aws:s3:::my-bucket*", true, true)]
    [InlineData("arn:aws:s3:::*", true, true)]
    [InlineData("arn:aws:s3:::*/*", false, true)]
    [InlineData("arn:aws:s3:us-east-1::my-bucket", false, false)]
    public void S3_buckets_and_objects_are_told_apart(string arn, bool bucket, bool @object)
    {
        Assert.Equal(bucket, Type("s3", "bucket").Matches(arn));
        Assert.Equal(@object, Type("s3", "object").Matches(arn));
    }

    [Theory]
    [InlineData("arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/fn:log-stream:2024/01/01", true)]
    [InlineData("arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/fn:*", true)]
    [InlineData("arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/fn", false)]
    [InlineData("arn:aws:logs:us-east-1:111122223333:log-group:a:b:log-stream:c", false)]
    [InlineData("arn:aws:logs:*:*:log-group:*:log-stream:*", true)]
    public void Placeholders_stop_at_the_separator_that_follows_them(string arn, bool expected) =>
        Assert.Equal(expected, Type("logs", "log-stream").Matches(arn));

    [Fact]
    public void Several_formats_in_one_type_are_each_tried()
    {
        var stage = Type("apigateway", "Stage");
        Assert.Equal(2, stage.ArnFormats.Length);
        Assert.True(stage.Matches("arn:aws:apigateway:us-east-1::/apis/abc123/stages/prod"));
        Assert.True(stage.Matches("arn:aws:apigateway:us-east-1::/restapis/abc123/stages/prod"));
        Assert.False(stage.Matches("arn:aws:apigateway:us-east-1::/restapis/abc123/models/m"));
    }

    [Fact]
    public void Header_placeholders_are_one_colon_free_segment()
    {
        var user = Type("iam", "user");
        Assert.False(user.Matches("arn:aws:extra:iam::111122223333:user/alice"));
        Assert.True(user.Matches("arn:???:iam::111122223333:user/alice"));
    }

    [Fact]
    public void Every_format_accepts_a_star_and_rejects_a_foreign_arn()
    {
        foreach (var type in ActionCatalog.Default.Services.SelectMany(s => s.ResourceTypes))
        {
            Assert.True(type.Matches("*"), type.ToString());
            Assert.False(type.Matches("not-an-arn"), type.ToString());
        }
    }
}
