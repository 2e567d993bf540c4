using IamHarden.Core.Catalog;

namespace IamHarden.Core.Tests.Catalog;

public class ConditionKeyLookupTests
{
    private static ActionCatalog Catalog => ActionCatalog.Default;

    [Fact]
    public void SourceIp_is_a_global_ip_address_key()
    {
        var key = Catalog.FindConditionKey("aws:SourceIp");
        Assert.NotNull(key);
        Assert.Equal("aws:SourceIp", key.Name);
        Assert.Equal(ConditionKeyType.IPAddress, key.Type);
        Assert.True(key.IsGlobal);
        Assert.False(key.IsMultiValued);
        Assert.Same(key, Catalog.FindConditionKey("AWS:SOURCEIP"));
    }

    [Theory]
    [InlineData("aws:MultiFactorAuthPresent", ConditionKeyType.Bool)]
    [InlineData("aws:MultiFactorAuthAge", ConditionKeyType.Numeric)]
    [InlineData("aws:ViaAWSService", ConditionKeyType.Bool)]
    [InlineData("aws:CurrentTime", ConditionKeyType.Date)]
    [InlineData("aws:PrincipalArn", ConditionKeyType.Arn)]
    [InlineData("aws:username", ConditionKeyType.String)]
    public void Global_keys_have_their_types(string name, ConditionKeyType type)
    {
        var key = Catalog.FindConditionKey(name)!;
        Assert.Equal(type, key.Type);
        Assert.True(key.IsGlobal);
    }

    [Theory]
    [InlineData("aws:TagKeys")]
    [InlineData("aws:CalledVia")]
    [InlineData("aws:PrincipalOrgPaths")]
    [InlineData("aws:ResourceOrgPaths")]
    [InlineData("aws:PrincipalServiceNamesList")]
    public void Known_multivalued_globals_are_multivalued(string name)
    {
        var key = Catalog.FindConditionKey(name)!;
        Assert.True(key.IsMultiValued);
        Assert.Equal(ConditionKeyType.ArrayOfString, key.Type);
        Assert.Equal(ConditionKeyType.String, key.ValueType);
    }

    [Theory]
    [InlineData("aws:PrincipalTag/team", "aws:PrincipalTag/${TagKey}")]
    [InlineData("AWS:principaltag/Team", "aws:PrincipalTag/${TagKey}")]
    [InlineData("aws:ResourceTag/cost-center", "aws:ResourceTag/${TagKey}")]
    [InlineData("aws:RequestTag/a/b", "aws:RequestTag/${TagKey}")]
    [InlineData("s3:ExistingObjectTag/x", "s3:ExistingObjectTag/<key>")]
    [InlineData("iam:ResourceTag/owner", "iam:ResourceTag/${TagKey}")]
    public void Templated_keys_resolve_to_their_template(string key, string template)
    {
        var definition = Catalog.FindConditionKey(key);
        Assert.NotNull(definition);
        Assert.Equal(template, definition.Name);
        Assert.True(definition.IsTemplate);
        Assert.Equal(ConditionKeyType.String, definition.Type);
    }

    [Theory]
    [InlineData("aws:PrincipalTag/")]
    [InlineData("aws:PrincipalTag")]
    [InlineData("aws:NoSuchKey")]
    [InlineData("s3:NoSuchKey")]
    [InlineData("nosuchservice:Key")]
    [InlineData("")]
    public void Unknown_keys_are_null(string key) => Assert.Null(Catalog.FindConditionKey(key));

    [Fact]
    public void Service_keys_are_found_with_and_without_the_service()
    {
        var prefix = Catalog.FindConditionKey("s3:prefix")!;
        Assert.Equal("s3:prefix", prefix.Name);
        Assert.False(prefix.IsGlobal);
        Assert.Same(prefix, Catalog.FindConditionKey("s3:Prefix", "s3"));
        Assert.Null(Catalog.FindConditionKey("s3:prefix", "ec2"));
        Assert.NotNull(Catalog.FindConditionKey("aws:SourceIp", "ec2"));
    }

    [Fact]
    public void Keys_whose_prefix_is_not_a_service_are_found()
    {
        Assert.Equal(ConditionKeyType.String, Catalog.FindConditionKey("saml:aud")?.Type);
        Assert.NotNull(Catalog.FindConditionKey("saml:aud", "sts"));
    }

    [Fact]
    public void A_service_that_types_a_key_differently_gets_its_own_reading()
    {
        Assert.Equal(ConditionKeyType.String, Catalog.FindConditionKey("identitystore:UserId")?.Type);
        Assert.Equal(ConditionKeyType.ArrayOfString, Catalog.FindConditionKey("identitystore:UserId", "q")?.Type);
    }

    [Fact]
    public void Every_key_an_action_names_resolves_to_a_definition_with_that_name()
    {
        foreach (var action in Catalog.AllActions)
        {
            foreach (var key in action.ConditionKeys.Concat(action.ResourceTypes.SelectMany(r => r.ConditionKeys)))
                Assert.NotNull(Catalog.FindConditionKey(key.Name, action.Service.Prefix));
        }
    }
}
