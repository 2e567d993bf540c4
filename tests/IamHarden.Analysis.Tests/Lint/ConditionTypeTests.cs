using IamHarden.Analysis.Lint;

namespace IamHarden.Analysis.Tests.Lint;

/// <summary>
/// Operators against the types of their keys (TYPE_MISMATCH) and values their operator cannot
/// read (INVALID_CONDITION_VALUE), one case for each class the issue names. Key types are the
/// catalog's (IAM User Guide, "AWS global condition context keys": aws:username String,
/// aws:MultiFactorAuthAge Numeric, aws:SourceIp IP address, aws:CurrentTime Date).
/// </summary>
public class ConditionTypeTests
{
    private static LintFinding? Finding(string op, string key, string value, string code)
    {
        var text = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\""
            + op + "\":{\"" + key + "\":\"" + value + "\"}}}]}";
        return PolicyLinter.Lint(text, "policy.json").Findings.SingleOrDefault(f => f.Code == code);
    }

    [Theory]
    [InlineData("Bool", "aws:username", "true", "use a String operator")]
    [InlineData("IpAddress", "aws:username", "203.0.113.0/24", "use a String operator")]
    [InlineData("DateGreaterThan", "aws:MultiFactorAuthAge", "2026-01-01T00:00:00Z", "use a Numeric operator")]
    [InlineData("NumericLessThan", "aws:SourceIp", "10", "use IpAddress or NotIpAddress")]
    public void Operator_of_the_wrong_type_for_the_key(string op, string key, string value, string fix)
    {
        var finding = Finding(op, key, value, "TYPE_MISMATCH");
        Assert.NotNull(finding);
        Assert.StartsWith(fix, finding.Fix);
    }

    [Theory]
    [InlineData("Bool", "aws:MultiFactorAuthPresent", "false")]
    [InlineData("NotIpAddress", "aws:SourceIp", "203.0.113.0/24")]
    [InlineData("NumericLessThan", "aws:MultiFactorAuthAge", "3600")]
    [InlineData("DateLessThan", "aws:CurrentTime", "2026-01-01T00:00:00Z")]
    [InlineData("StringLike", "aws:PrincipalArn", "arn:aws:iam::*:role/app-*")]
    public void Operator_of_the_key_type_is_fine(string op, string key, string value)
    {
        Assert.Null(Finding(op, key, value, "TYPE_MISMATCH"));
        Assert.Null(Finding(op, key, value, "INVALID_CONDITION_VALUE"));
    }

    [Theory]
    [InlineData("NotIpAddress", "aws:SourceIp", "203.0.113.0/33", "CIDR")]
    [InlineData("NotIpAddress", "aws:SourceIp", "203.0.113", "CIDR")]
    [InlineData("DateLessThan", "aws:CurrentTime", "2026-13-01", "date")]
    [InlineData("NumericLessThan", "aws:MultiFactorAuthAge", "one hour", "number")]
    [InlineData("Bool", "aws:SecureTransport", "yes", "\"true\" or \"false\"")]
    public void Values_the_operator_cannot_read(string op, string key, string value, string expected)
    {
        var finding = Finding(op, key, value, "INVALID_CONDITION_VALUE");
        Assert.NotNull(finding);
        Assert.Contains(expected, finding.Message);
        Assert.Contains($"found \"{value}\"", finding.Message);
    }
}
