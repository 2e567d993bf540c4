using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.SourceIp;

/// <summary>PRIVATE_NOT_IP_ADDRESS: NotIpAddress on aws:SourceIp with only private or reserved ranges: always true.</summary>
public sealed class PrivateNotIpAddressRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "PRIVATE_NOT_IP_ADDRESS",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.SourceIpTraps,
        Title = "NotIpAddress on aws:SourceIp with only private or reserved ranges",
        Description = "aws:SourceIp holds the public address a request reaches AWS from, never a private or reserved one. NotIpAddress with only such ranges is true for every request, so the guide's IP-restriction Deny denies everything, from the office too: a lock-out. It usually means the office's internal range was listed instead of its public egress address.",
        Fix = "List the public egress addresses (check with `curl https://checkip.amazonaws.com` from the office or VPN); for callers inside a VPC use aws:VpcSourceIp or aws:SourceVpce.",
        AccessAnalyzerCode = "PRIVATE_NOT_IP_ADDRESS",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var (condition, never, total) in PrivateRanges.Find(statement, negated: true))
            {
                if (never.Count != total) continue;
                var effect = statement.IsDeny ? "this Deny applies to every request, from the approved network too" : "the condition is true for every request";
                context.Report(Definition, condition.Key.Span, condition.JsonPath,
                    $"aws:SourceIp never holds these addresses: {PrivateRanges.Describe(never)}; \"{condition.Operator.Name}\" is always true and {effect}",
                    PrivateRanges.PublicEgressFix);
            }
        }
    }
}
