using IamHarden.Aws.Apply;
using IamHarden.Core.Policy;

namespace IamHarden.Aws.Tests.Apply;

/// <summary>
/// What counts as the same document for plan: IAM's own case rules (action names and condition keys ignore case —
/// IAM User Guide, "IAM JSON policy elements: Action" and "Condition element"; resource ARNs do not) and set semantics
/// of lists and statements.
/// </summary>
public sealed class PolicyEquivalenceTests
{
    private static PolicyDocument Doc(string json) => PolicyParser.Parse(json, "p").GetDocumentOrThrow("p");

    private const string Base = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"A","Effect":"Deny","NotAction":["iam:GetUser","sts:GetSessionToken"],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}},
          {"Sid":"B","Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*","arn:aws:s3:::a/*"]}]}
        """;

    [Theory]
    [InlineData("""{"Statement":[{"Effect":"Allow","Resource":["arn:aws:s3:::a/*","arn:aws:s3:::b/*"],"Action":["S3:getobject"]},{"Effect":"Deny","Resource":["*"],"NotAction":["STS:GetSessionToken","iam:getuser","iam:GetUser"],"Condition":{"BoolIfExists":{"AWS:MultiFactorAuthPresent":["false"]}}}],"Version":"2012-10-17"}""")]
    public void Layout_order_case_of_actions_and_keys_one_element_lists_and_Sids_do_not_count(string other) =>
        Assert.True(PolicyEquivalence.AreEquivalent(Doc(Base), Doc(other)));

    [Theory]
    [InlineData("\"arn:aws:s3:::a/*\"", "\"arn:aws:s3:::A/*\"")]
    [InlineData("\"BoolIfExists\"", "\"Bool\"")]
    [InlineData("\"false\"}", "\"true\"}")]
    [InlineData("\"Effect\":\"Deny\"", "\"Effect\":\"Allow\"")]
    [InlineData("\"NotAction\"", "\"Action\"")]
    [InlineData(",\"sts:GetSessionToken\"", "")]
    public void Anything_that_changes_what_is_allowed_counts(string from, string to)
    {
        Assert.Contains(from, Base);
        Assert.False(PolicyEquivalence.AreEquivalent(Doc(Base), Doc(Base.Replace(from, to))));
    }
}
