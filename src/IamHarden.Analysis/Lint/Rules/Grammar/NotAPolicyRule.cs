using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>NOT_A_POLICY: The JSON is not a policy document (reported by the parser).</summary>
public sealed class NotAPolicyRule : ParserReportedRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = ParseErrorCodes.NotAPolicy,
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "The JSON is not a policy document",
        Description = "The file is valid JSON but not an IAM policy: an array, a string or number, a CloudFormation or Terraform template, the output of an AWS CLI command, or an object with none of a policy's elements. Nothing can be checked, so lint exits with code 2.",
        Fix = "Pass the policy document itself: the JSON object with \"Version\" and \"Statement\". From a template, save the PolicyDocument of each resource to its own file; from `aws iam get-policy-version`, take PolicyVersion.Document.",
    };

    public override LintRuleInfo Info => Definition;
}
