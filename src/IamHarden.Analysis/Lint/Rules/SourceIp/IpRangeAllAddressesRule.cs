using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.SourceIp;

/// <summary>IP_RANGE_ALL_ADDRESSES: 0.0.0.0/0 or ::/0 in an aws:SourceIp condition.</summary>
public sealed class IpRangeAllAddressesRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "IP_RANGE_ALL_ADDRESSES",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.SourceIpTraps,
        Title = "0.0.0.0/0 or ::/0 in an aws:SourceIp condition",
        Description = "A /0 range contains every address of its family. In the guide's NotIpAddress Deny it approves the whole internet, so the restriction does nothing (for IPv4 with 0.0.0.0/0, for IPv6 with ::/0); in an IpAddress Allow it restricts nothing. It is often left over from testing.",
        Fix = "List only the approved public ranges.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var condition in SourceIpConditions.Of(statement))
            {
                foreach (var (value, range, index) in SourceIpConditions.Ranges(condition))
                {
                    if (range.PrefixLength != 0) continue;
                    var family = range.IsIPv4 ? "IPv4" : "IPv6";
                    var effect = condition.Operator.IsNegated
                        ? $"every {family} caller is approved, so this {(statement.IsDeny ? "Deny" : "statement")} restricts no {family} address"
                        : $"every {family} caller matches, so the condition restricts nothing";
                    context.Report(Definition, value.Span, StatementFacts.ConditionValuePath(condition, index),
                        $"\"{value.Value}\" contains every {family} address: {effect}", "remove it and list the approved ranges");
                }
            }
        }
    }
}
