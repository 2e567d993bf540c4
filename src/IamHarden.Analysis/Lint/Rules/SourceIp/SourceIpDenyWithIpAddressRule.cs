using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.SourceIp;

/// <summary>SOURCE_IP_DENY_WITH_IP_ADDRESS: a Deny with IpAddress aws:SourceIp, which denies requests from the listed ranges.</summary>
public sealed class SourceIpDenyWithIpAddressRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "SOURCE_IP_DENY_WITH_IP_ADDRESS",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.SourceIpTraps,
        Title = "A Deny with IpAddress on aws:SourceIp denies requests from the listed ranges",
        Description = "The guide restricts access with Deny + NotIpAddress: deny every request that does not come from an approved range. Deny + IpAddress does the opposite: it denies requests that do come from the listed ranges and lets every other address through. That is right for a block list of known-bad addresses, and a lock-out with no protection when the listed ranges are the office and VPN.",
        Fix = "If the listed ranges are the approved networks, write \"NotIpAddress\".",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsDeny) continue;
            foreach (var condition in SourceIpConditions.Of(statement))
            {
                if (condition.Operator is not { Kind: ConditionOperatorKind.IpAddress, Qualifier: SetQualifier.None }) continue;
                context.Report(Definition, condition.OperatorSpan, condition.JsonPath,
                    $"this Deny applies to requests that come FROM {string.Join(", ", condition.Values.Select(v => v.Value))} and to no other address; if these are the approved networks, it locks them out and protects nothing",
                    "write \"NotIpAddress\" if these are the approved ranges");
            }
        }
    }
}
