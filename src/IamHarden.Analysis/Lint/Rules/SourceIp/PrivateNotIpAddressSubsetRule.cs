using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.SourceIp;

/// <summary>PRIVATE_NOT_IP_ADDRESS_SUBSET: NotIpAddress on aws:SourceIp mixing public and private ranges.</summary>
public sealed class PrivateNotIpAddressSubsetRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "PRIVATE_NOT_IP_ADDRESS_SUBSET",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.SourceIpTraps,
        Title = "NotIpAddress on aws:SourceIp lists private or reserved ranges among public ones",
        Description = "In the guide's IP-restriction Deny the listed ranges are the approved networks. A private or reserved range in that list approves nothing, because aws:SourceIp never holds such an address: users on that network (reaching AWS through a NAT with a public address, or through a VPC endpoint) are still denied.",
        Fix = "Replace the private range by the network's public egress address; exempt VPC endpoint traffic with aws:SourceVpce or aws:VpcSourceIp (`iamharden policy ip --vpce ... --vpc-source-cidr ...`).",
        AccessAnalyzerCode = "PRIVATE_NOT_IP_ADDRESS_SUBSET",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var (condition, never, total) in PrivateRanges.Find(statement, negated: true))
            {
                if (never.Count == total) continue;
                foreach (var (value, _, index, kind) in never)
                    context.Report(Definition, value.Span, StatementFacts.ConditionValuePath(condition, index),
                        $"\"{value.Value}\" is {kind}; aws:SourceIp never holds such an address, so listing it approves nobody",
                        PrivateRanges.RemoveFix(value.Value));
            }
        }
    }
}
