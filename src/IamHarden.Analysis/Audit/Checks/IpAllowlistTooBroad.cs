using IamHarden.Analysis.Guardrails;
using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Audit.Checks;

/// <summary>
/// ip_allowlist_too_broad: the approved networks (allowedCidrs, and the ranges of every
/// aws:SourceIp condition in the account's policies) are narrow enough to mean something: no
/// 0.0.0.0/0 or ::/0, no IPv4 range wider than /16 or IPv6 wider than /32, and no private or
/// reserved ranges (which never appear as aws:SourceIp, so they silently approve nothing).
/// </summary>
public sealed class IpAllowlistTooBroad : IAuditCheck
{
    public const int NarrowestIpv4Prefix = 16;
    public const int NarrowestIpv6Prefix = 32;

    public static CheckMetadata Definition { get; } = new()
    {
        Id = "ip_allowlist_too_broad",
        Subject = "managed policy",
        Severity = Severity.Medium,
        Title = new("Approved IP ranges are specific", "승인된 IP 대역이 구체적임"),
        Risk = new("A range that covers large parts of the internet (or everything) approves attackers too; a private range never matches aws:SourceIp and approves nothing.",
            "인터넷의 큰 부분(또는 전체)을 포함하는 대역은 공격자도 허용하며, 사설 대역은 aws:SourceIp와 일치하지 않아 아무것도 허용하지 않습니다."),
        Logic = "Checks allowedCidrs and every aws:SourceIp value of an IpAddress/NotIpAddress condition in the account's customer policies (managed and inline): a /0, an IPv4 range wider than /16 or IPv6 wider than /32, or a private or reserved range (which never appears as aws:SourceIp). One finding per policy, naming each range.",
        Remediation = new("List only the public egress addresses of your offices, VPN and bastions (as /32 or small ranges); reach private networks through VPC endpoints (aws:SourceVpce / aws:VpcSourceIp).",
            "사무실·VPN·Bastion의 공인 egress 주소만(/32 또는 작은 대역으로) 등록하고, 사설망 접근은 VPC 엔드포인트(aws:SourceVpce / aws:VpcSourceIp)로 처리하십시오."),
        FixCommand = "iamharden policy ip --cidr <PUBLIC_EGRESS_IP>/32 [--vpce vpce-...]",
        GuideSection = "3",
        IsmsP = ["2.6.1", "2.6.6"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        var configProblems = Problems(context.Config.AllowedCidrs).ToList();
        if (configProblems.Count > 0)
            yield return Make(context.Snapshot.RootArn, $"allowedCidrs in {context.Config.Source ?? "the configuration"}", configProblems);

        foreach (var (subject, name, document) in context.Snapshot.CustomerPolicies())
        {
            var cidrs = document.Statements.SelectMany(s => s.Conditions)
                .Where(c => c.Operator.Family == ConditionFamily.IpAddress && c.Key.Value.Equals("aws:SourceIp", StringComparison.OrdinalIgnoreCase))
                .SelectMany(c => c.Values.Select(v => v.Value)).Distinct().ToList();
            var problems = Problems(cidrs).ToList();
            if (problems.Count > 0) yield return Make(subject, $"policy {name}", problems);
        }
    }

    private static Finding Make(string subject, string where, List<(string En, string Ko)> problems) => new()
    {
        Check = Definition,
        Subject = subject,
        Message = new($"The approved ranges of {where} are too broad or cannot match: {string.Join("; ", problems.Select(p => p.En))}.",
            $"{where}의 승인 대역이 너무 넓거나 일치할 수 없습니다: {string.Join("; ", problems.Select(p => p.Ko))}."),
    };

    private static IEnumerable<(string En, string Ko)> Problems(IEnumerable<string> cidrs)
    {
        foreach (var cidr in cidrs)
        {
            if (!IpRange.TryParse(cidr, out var range)) continue;
            if (range.PrefixLength == 0)
                yield return ($"{cidr} contains every address", $"{cidr}은(는) 모든 주소를 포함함");
            else if (SpecialRanges.Classify(range) is { } special)
                yield return ($"{cidr} is {special} and never appears as aws:SourceIp", $"{cidr}은(는) 사설/예약 대역으로 aws:SourceIp에 나타나지 않음");
            else if (range.IsIPv4 ? range.PrefixLength < NarrowestIpv4Prefix : range.PrefixLength < NarrowestIpv6Prefix)
                yield return ($"{cidr} covers {Describe(range)}", $"{cidr}은(는) {Describe(range)}를 포함함");
        }
    }

    private static string Describe(IpRange range) => range.IsIPv4
        ? $"{1L << (32 - range.PrefixLength):N0} addresses (wider than /{NarrowestIpv4Prefix})"
        : $"a /{range.PrefixLength} (wider than /{NarrowestIpv6Prefix})";
}
