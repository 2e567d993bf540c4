using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Conditions;

/// <summary>MISSING_PAIRED_CONDITION_KEYS: aws:VpcSourceIp in an Allow without aws:SourceVpc or aws:SourceVpce.</summary>
public sealed class MissingPairedConditionKeysRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "MISSING_PAIRED_CONDITION_KEYS",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.Conditions,
        Title = "aws:VpcSourceIp without the VPC it belongs to",
        Description = "aws:VpcSourceIp is the private address of a caller that reaches AWS through a VPC endpoint. Private ranges repeat in every VPC: 10.0.0.0/16 is as likely in another account's VPC as in yours. Allowed on aws:VpcSourceIp alone, any VPC with an endpoint and those addresses qualifies, in any account. Paired with aws:SourceVpc (or aws:SourceVpce) in the same condition block, only your VPC does.",
        Fix = "Add \"StringEquals\": {\"aws:SourceVpc\": \"vpc-...\"} (or aws:SourceVpce with your endpoint IDs) to the same Condition block.",
        AccessAnalyzerCode = "MISSING_PAIRED_CONDITION_KEYS",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsAllow) continue;
            if (statement.HasConditionOn(GlobalKeys.SourceVpc) || statement.HasConditionOn(GlobalKeys.SourceVpce)) continue;
            foreach (var condition in statement.ConditionsOn(GlobalKeys.VpcSourceIp))
            {
                if (condition.Operator.IsNegated || condition.Operator.Family != ConditionFamily.IpAddress) continue;
                context.Report(Definition, condition.Key.Span, condition.JsonPath,
                    "aws:VpcSourceIp alone matches these private addresses in any VPC of any account that reaches AWS through an endpoint; without aws:SourceVpc or aws:SourceVpce in the same block, this Allow is not limited to your network",
                    "add \"StringEquals\": {\"aws:SourceVpc\": \"vpc-...\"} to the same Condition block");
            }
        }
    }
}
