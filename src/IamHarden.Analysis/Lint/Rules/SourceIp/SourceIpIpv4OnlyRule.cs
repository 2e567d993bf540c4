using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.SourceIp;

/// <summary>SOURCE_IP_IPV4_ONLY: the approved ranges of an aws:SourceIp Deny are all IPv4 (informational).</summary>
public sealed class SourceIpIpv4OnlyRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "SOURCE_IP_IPV4_ONLY",
        Severity = DiagnosticSeverity.Suggestion,
        Category = LintCategory.SourceIpTraps,
        Title = "The approved source ranges are IPv4 only",
        Description = "When a user reaches an AWS dual-stack endpoint over IPv6, aws:SourceIp is their IPv6 address, which is outside every IPv4 range: the IP-restriction Deny denies them even from the office. If the office or VPN has IPv6 connectivity, its IPv6 prefix belongs in the list; if it has none, this finding is informational and can be ignored (--ignore SOURCE_IP_IPV4_ONLY).",
        Fix = "Add the networks' IPv6 prefixes (e.g. 2001:db8:1234::/48) to the list.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsDeny) continue;
            foreach (var condition in SourceIpConditions.Of(statement))
            {
                if (condition.Operator is not { Kind: ConditionOperatorKind.NotIpAddress, Qualifier: SetQualifier.None }) continue;
                var ranges = SourceIpConditions.Ranges(condition).ToList();
                if (ranges.Count == 0 || !ranges.All(r => r.Range.IsIPv4)) continue;
                context.Report(Definition, condition.Key.Span, condition.JsonPath,
                    "every approved range is IPv4: a user reaching a dual-stack endpoint over IPv6 is denied even from an approved network",
                    "add the networks' IPv6 prefixes, if they have any");
            }
        }
    }
}
