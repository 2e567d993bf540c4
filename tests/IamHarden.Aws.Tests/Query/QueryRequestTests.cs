namespace IamHarden.Aws.Tests.Query;

public sealed class QueryRequestTests
{
    [Fact]
    public void Lists_tags_and_scalars_are_serialised_the_awsQuery_way_and_encoded_once()
    {
        var body = new QueryRequest("CreatePolicy")
            .Add("PolicyName", "Force_MFA")
            .Add("PolicyDocument", "{\"a\":\"b+c d/é\"}")
            .Add("SetAsDefault", true)
            .Add("MaxItems", 7)
            .Add("Skipped", (string?)null)
            .AddList("Filter", ["User", "Role"])
            .AddTags([new("team", "sec")])
            .ToFormBody("2010-05-08");

        Assert.Equal(
            "Action=CreatePolicy&Version=2010-05-08&PolicyName=Force_MFA&PolicyDocument=%7B%22a%22%3A%22b%2Bc%20d%2F%C3%A9%22%7D" +
            "&SetAsDefault=true&MaxItems=7&Filter.member.1=User&Filter.member.2=Role&Tags.member.1.Key=team&Tags.member.1.Value=sec",
            body);
    }

    [Fact]
    public void With_replaces_a_parameter_without_changing_the_original()
    {
        var first = new QueryRequest("ListPolicies").Add("MaxItems", 10);
        var second = first.With("Marker", "m1").With("Marker", "m2");
        Assert.Equal("Action=ListPolicies&Version=v&MaxItems=10", first.ToFormBody("v"));
        Assert.Equal("Action=ListPolicies&Version=v&MaxItems=10&Marker=m2", second.ToFormBody("v"));
    }
}
