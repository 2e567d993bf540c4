using IamHarden.Analysis.Lint;

namespace IamHarden.Analysis.Tests.Lint;

/// <summary>A misspelt action, service, condition key, operator, qualifier or element gets the name that was meant.</summary>
public class DidYouMeanTests
{
    private static string Policy(string effect, string action, string condition) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"{{effect}}","Action":"{{action}}","Resource":"*"{{(condition == "" ? "" : ",\"Condition\":{" + condition + "}")}}}]}""";

    private static LintFinding Single(string text, string code) =>
        Assert.Single(PolicyLinter.Lint(text, "policy.json").Findings, f => f.Code == code);

    [Theory]
    [InlineData("s3:GetObjekt", "INVALID_ACTION", "s3:GetObject")]
    [InlineData("iam:EnableMFADevcie", "INVALID_ACTION", "iam:EnableMFADevice")]
    [InlineData("s4:GetObject", "INVALID_SERVICE_IN_ACTION", "s3")]
    [InlineData("sts:GetSesionToken", "INVALID_ACTION", "sts:GetSessionToken")]
    public void Actions_and_services(string action, string code, string meant)
    {
        var finding = Single(Policy("Allow", action, ""), code);
        Assert.Contains($"did you mean \"{meant}\"?", finding.Message);
    }

    [Theory]
    [InlineData("\"Bool\":{\"aws:MultiFactorAuthPresnt\":\"false\"}", "INVALID_GLOBAL_CONDITION_KEY", "aws:MultiFactorAuthPresent")]
    [InlineData("\"NotIpAddress\":{\"aws:SourceIP_\":\"203.0.113.0/24\"}", "INVALID_GLOBAL_CONDITION_KEY", "aws:SourceIp")]
    [InlineData("\"StringEquals\":{\"s3:prefx\":\"home/\"}", "INVALID_SERVICE_CONDITION_KEY", "s3:prefix")]
    public void Condition_keys(string condition, string code, string meant)
    {
        var finding = Single(Policy("Deny", "s3:ListBucket", condition), code);
        Assert.Contains($"did you mean \"{meant}\"?", finding.Message);
        Assert.Equal($"write \"{meant}\"", finding.Fix);
    }

    [Theory]
    [InlineData("StringEqual", "StringEquals")]
    [InlineData("NotIpAdress", "NotIpAddress")]
    [InlineData("BoolIfExist", "BoolIfExists")]
    [InlineData("BoolIfexists", "BoolIfExists")]
    [InlineData("stringequals", "StringEquals")]
    [InlineData("ForAnyValue:StringLikee", "ForAnyValue:StringLike")]
    [InlineData("NumericLessThanEqual", "NumericLessThanEquals")]
    public void Operators(string written, string meant)
    {
        var finding = Single(Policy("Deny", "s3:ListBucket", $"\"{written}\":{{\"aws:username\":\"alice\"}}"), "INVALID_CONDITION_OPERATOR");
        Assert.Equal($"unknown condition operator \"{written}\"; did you mean \"{meant}\"?", finding.Message);
    }

    [Fact]
    public void Set_qualifiers()
    {
        var finding = Single(Policy("Deny", "s3:ListBucket", "\"ForAllValue:StringEquals\":{\"aws:TagKeys\":[\"team\"]}"), "INVALID_SET_QUALIFIER");
        Assert.Contains("did you mean \"ForAllValues:StringEquals\"?", finding.Message);
    }

    [Fact]
    public void Policy_and_statement_elements()
    {
        var finding = Single("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condtion":{}}]}""", "INVALID_POLICY_ELEMENT");
        Assert.Contains("did you mean \"Condition\"?", finding.Message);
    }

    [Fact]
    public void Nothing_close_enough_gets_no_guess()
    {
        var finding = Single(Policy("Deny", "s3:ListBucket", "\"Frobnicate\":{\"aws:username\":\"alice\"}"), "INVALID_CONDITION_OPERATOR");
        Assert.DoesNotContain("did you mean", finding.Message);
    }
}
