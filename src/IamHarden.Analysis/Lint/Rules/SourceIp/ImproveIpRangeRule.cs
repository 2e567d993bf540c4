using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.SourceIp;

/// <summary>IMPROVE_IP_RANGE: a CIDR with host bits set (203.0.113.9/24), which means its whole network.</summary>
public sealed class ImproveIpRangeRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "IMPROVE_IP_RANGE",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.SourceIpTraps,
        Title = "A CIDR with host bits set",
        Description = "In 203.0.113.9/24 the bits after the prefix (the \".9\") are ignored: the value means all of 203.0.113.0/24, 256 addresses. Usually a single address was meant (/32), or the network was meant and written loosely; either way the approved range is not what it looks like.",
        Fix = "Write the network address (203.0.113.0/24), or the single address as /32 (IPv6: /128).",
        AccessAnalyzerCode = "IMPROVE_IP_RANGE",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var condition in statement.Statement.Conditions)
            {
                if (condition.Operator.Family != ConditionFamily.IpAddress) continue;
                for (int i = 0; i < condition.Values.Length; i++)
                {
                    if (!Core.Values.IpRange.TryParse(condition.Values[i].Value, out var range) || !range.HadHostBits) continue;
                    var single = range.IsIPv4 ? 32 : 128;
                    var address = condition.Values[i].Value[..condition.Values[i].Value.IndexOf('/')];
                    context.Report(Definition, condition.Values[i].Span, StatementFacts.ConditionValuePath(condition, i),
                        $"\"{condition.Values[i].Value}\" has host bits set: it means the whole network {range}, not the address {address}",
                        $"write \"{range}\" for the network or \"{address}/{single}\" for the single address");
                }
            }
        }
    }
}
