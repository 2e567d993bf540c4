using IamHarden.Analysis.Lint;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Tests.Lint;

/// <summary>Unusable input is a positioned finding that says what the file is, never an exception.</summary>
public class BadInputTests
{
    [Theory]
    [InlineData("[{\"Effect\":\"Allow\"}]", "JSON array")]
    [InlineData("\"s3:GetObject\"", "a string")]
    [InlineData("{\"AWSTemplateFormatVersion\":\"2010-09-09\",\"Resources\":{}}", "CloudFormation template")]
    [InlineData("{\"PolicyVersion\":{\"Document\":{}}}", "get-policy-version")]
    [InlineData("{\"name\":\"x\",\"values\":[1,2]}", "none of a policy's elements")]
    [InlineData("{}", "empty JSON object")]
    public void Valid_JSON_that_is_not_a_policy_is_explained(string text, string explanation)
    {
        var result = PolicyLinter.Lint(text, "input.json");
        Assert.True(result.IsUnusable);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ParseErrorCodes.NotAPolicy, finding.Code);
        Assert.Contains(explanation, finding.Message);
        Assert.Equal(1, finding.Line);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{\"Version\": \"2012-10-17\",", "invalid JSON")]
    [InlineData("{\"Version\": \"2012-10-17\", \"Statement\": []} trailing", "invalid JSON")]
    public void Text_that_is_not_JSON_is_a_positioned_syntax_error(string text, string message)
    {
        var result = PolicyLinter.Lint(text, "input.json");
        Assert.True(result.IsUnusable);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(ParseErrorCodes.JsonSyntaxError, finding.Code);
        Assert.Contains(message, finding.Message);
    }

    [Theory]
    [InlineData("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n", 1, 1, "CloudFormation template in YAML")]
    [InlineData("Version: 2012-10-17\nStatement: []\n", 1, 1, "this is YAML, not JSON")]
    [InlineData("resource \"aws_iam_policy\" \"p\" {\n  policy = jsonencode({})\n}\n", 1, 1, "Terraform (HCL)")]
    [InlineData("{\"Version\": \"2012-10-17\", \"Statement\": [],}", 1, 43, "no trailing comma")]
    [InlineData("{\"Version\": \"2012-10-17\", // the current version\n\"Statement\": []}", 1, 27, "JSON has no comments")]
    [InlineData("{'Version': '2012-10-17'}", 1, 2, "double quotes")]
    [InlineData("{\"Version\": \"2012-10-17\" \"Statement\": []}", 1, 26, "a comma is missing")]
    [InlineData("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\"", 1, 59, "before every { and [ is closed")]
    public void Common_mistakes_are_named_at_their_position(string text, int line, int column, string explanation)
    {
        var finding = Assert.Single(PolicyLinter.Lint(text, "input.json").Findings);
        Assert.Equal(ParseErrorCodes.JsonSyntaxError, finding.Code);
        Assert.Contains(explanation, finding.Message);
        Assert.Equal((line, column), (finding.Line, finding.Column));
    }

    [Fact]
    public void A_misspelt_policy_keeps_the_did_you_mean_instead_of_not_a_policy()
    {
        var result = PolicyLinter.Lint("{\"version\":\"2012-10-17\",\"statement\":[]}", "input.json");
        Assert.False(result.IsUnusable);
        Assert.All(result.Findings.Where(f => f.Code == ParseErrorCodes.InvalidPolicyElement), f => Assert.Contains("did you mean", f.Message));
    }

    [Fact]
    public void Invalid_UTF8_is_a_syntax_error_with_its_position()
    {
        var bytes = "{\"Version\": \"2012-10-17\", \"Id\": \"x\u00e9\"}"u8.ToArray();
        bytes[^4] = 0xFF;
        var result = PolicyLinter.Lint(bytes, "input.json");
        Assert.Equal(ParseErrorCodes.JsonSyntaxError, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void Grammar_errors_keep_semantic_rules_off_the_broken_statement_only()
    {
        const string text = """
            {"Version": "2012-10-17", "Statement": [
              {"Action": "s3:GetObject", "Resource": "*"},
              {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}
            ]}
            """;
        var result = PolicyLinter.Lint(text, "input.json");
        Assert.Contains(result.Findings, f => f.Code == ParseErrorCodes.MissingEffect);
        // The statement without Effect is not read as an Allow...
        Assert.DoesNotContain(result.Findings, f => f.JsonPath.StartsWith("Statement[0]", StringComparison.Ordinal) && f.Code != ParseErrorCodes.MissingEffect);
        // ...while the sound one is still checked.
        Assert.Contains(result.Findings, f => f.Code == "ALLOW_WITH_NOT_ACTION" && f.JsonPath.StartsWith("Statement[1]", StringComparison.Ordinal));
    }
}
