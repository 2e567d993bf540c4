using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.SourceIp;

/// <summary>PRIVATE_IP_ADDRESS: IpAddress on aws:SourceIp with only private or reserved ranges: never true.</summary>
public sealed class PrivateIpAddressRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "PRIVATE_IP_ADDRESS",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.SourceIpTraps,
        Title = "IpAddress on aws:SourceIp with only private or reserved ranges",
        Description = "aws:SourceIp holds the public address a request reaches AWS from. Private ranges (10/8, 172.16/12, 192.168/16, fc00::/7), loopback, link-local and other reserved blocks never appear in it, so an IpAddress condition listing only such ranges is never true: an Allow based on it grants nothing. Office networks reach AWS through a NAT or proxy with a public address; traffic through a VPC endpoint carries aws:VpcSourceIp instead.",
        Fix = "List the public egress addresses of the office, VPN or NAT gateway; for callers inside a VPC use aws:VpcSourceIp or aws:SourceVpce.",
        AccessAnalyzerCode = "PRIVATE_IP_ADDRESS",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var (condition, never, total) in PrivateRanges.Find(statement, negated: false))
            {
                if (never.Count != total) continue;
                context.Report(Definition, condition.Key.Span, condition.JsonPath,
                    $"aws:SourceIp never holds these addresses: {PrivateRanges.Describe(never)}; this \"{condition.Operator.Name}\" condition is never true",
                    PrivateRanges.PublicEgressFix);
            }
        }
    }
}
