using IamHarden.Analysis.Lint;

namespace IamHarden.Analysis.Tests.Lint;

/// <summary>Findings point at the element they are about: line, column (1-based) and JSON path.</summary>
public class PositionTests
{
    private const string Policy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "DenyIfNoMFA",
              "Effect": "Deny",
              "NotAction": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevcie"],
              "Resource": "*",
              "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}
            }
          ]
        }
        """;

    private static readonly LintResult Result = PolicyLinter.Lint(Policy, "force-mfa.json");

    [Fact]
    public void Misspelt_action_points_at_the_value_with_a_did_you_mean()
    {
        var finding = Result.Findings.Single(f => f.Code == "INVALID_ACTION");
        Assert.Equal((7, 51), (finding.Line, finding.Column));
        Assert.Equal("Statement[0].NotAction[1]", finding.JsonPath);
        Assert.Contains("did you mean \"iam:EnableMFADevice\"", finding.Message);
        Assert.Equal("write \"iam:EnableMFADevice\"", finding.Fix);
        Assert.Equal("force-mfa.json:7:51: error INVALID_ACTION: " + finding.Message, finding.Format());
    }

    [Fact]
    public void Bool_trap_points_at_the_operator()
    {
        var finding = Result.Findings.Single(f => f.Code == "MFA_DENY_BOOL_WITHOUT_IF_EXISTS");
        Assert.Equal((9, 21), (finding.Line, finding.Column));
        Assert.Equal("Statement[0].Condition.Bool.aws:MultiFactorAuthPresent", finding.JsonPath);
    }

    [Fact]
    public void Findings_come_in_source_order()
    {
        var offsets = Result.Findings.Select(f => f.Span.Offset).ToList();
        Assert.Equal(offsets.Order(), offsets);
    }

    [Fact]
    public void Ignored_codes_are_not_reported()
    {
        var result = PolicyLinter.Lint(Policy, "force-mfa.json", new LintOptions { IgnoredCodes = new HashSet<string> { "INVALID_ACTION" } });
        Assert.DoesNotContain(result.Findings, f => f.Code == "INVALID_ACTION");
        Assert.Contains(result.Findings, f => f.Code == "MFA_DENY_BOOL_WITHOUT_IF_EXISTS");
    }
}
