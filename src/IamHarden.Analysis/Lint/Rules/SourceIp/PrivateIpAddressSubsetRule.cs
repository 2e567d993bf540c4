using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.SourceIp;

/// <summary>PRIVATE_IP_ADDRESS_SUBSET: IpAddress on aws:SourceIp mixing public and private ranges.</summary>
public sealed class PrivateIpAddressSubsetRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "PRIVATE_IP_ADDRESS_SUBSET",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.SourceIpTraps,
        Title = "IpAddress on aws:SourceIp lists private or reserved ranges among public ones",
        Description = "The private and reserved ranges in the list never match aws:SourceIp, which holds public addresses only; whoever they were meant for (a branch office's internal network, a VPC) is not covered.",
        Fix = "Replace them by the public egress address of those networks, or cover VPC callers with aws:VpcSourceIp in a separate statement.",
        AccessAnalyzerCode = "PRIVATE_IP_ADDRESS_SUBSET",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var (condition, never, total) in PrivateRanges.Find(statement, negated: false))
            {
                if (never.Count == total) continue;
                foreach (var (value, _, index, kind) in never)
                    context.Report(Definition, value.Span, StatementFacts.ConditionValuePath(condition, index),
                        $"\"{value.Value}\" is {kind}; aws:SourceIp never holds such an address, so this value never matches",
                        PrivateRanges.RemoveFix(value.Value));
            }
        }
    }
}
