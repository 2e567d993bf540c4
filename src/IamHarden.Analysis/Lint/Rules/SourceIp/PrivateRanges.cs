using IamHarden.Analysis.Guardrails;
using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Lint.Rules.SourceIp;

/// <summary>Shared by the four private-range rules: the aws:SourceIp values that never appear on public endpoints.</summary>
internal static class PrivateRanges
{
    public static IEnumerable<(Condition Condition, List<(LocatedString Value, IpRange Range, int Index, string Kind)> Private, int Total)> Find(StatementFacts statement, bool negated)
    {
        foreach (var condition in SourceIpConditions.Of(statement))
        {
            if (condition.Operator.IsNegated != negated) continue;
            var ranges = SourceIpConditions.Ranges(condition).ToList();
            var never = ranges.Select(r => (r.Value, r.Range, r.Index, Kind: SpecialRanges.Classify(r.Range)))
                .Where(r => r.Kind is not null).Select(r => (r.Value, r.Range, r.Index, r.Kind!)).ToList();
            if (never.Count > 0) yield return (condition, never, ranges.Count);
        }
    }

    /// <summary>The fix when every listed range is private: the networks' public addresses instead.</summary>
    public const string PublicEgressFix =
        "list the public addresses the networks reach AWS from (the office, VPN or NAT gateway egress; `curl https://checkip.amazonaws.com` from inside shows it); for callers inside a VPC use aws:VpcSourceIp or aws:SourceVpce";

    /// <summary>The fix for one private range among public ones.</summary>
    public static string RemoveFix(string value) =>
        $"remove \"{value}\"; for callers inside a VPC use aws:VpcSourceIp or aws:SourceVpce in a separate condition";

    public static string Describe(List<(LocatedString Value, IpRange Range, int Index, string Kind)> values) =>
        string.Join(", ", values.Select(v => $"{v.Value.Value} ({v.Kind})"));
}
