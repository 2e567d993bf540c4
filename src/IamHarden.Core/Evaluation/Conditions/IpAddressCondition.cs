using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Core.Evaluation.Conditions;

/// <summary>IpAddress/NotIpAddress: the address lies in one of the ranges (IPv4 and IPv6 never mix).</summary>
internal sealed class IpAddressCondition : CompiledCondition
{
    private readonly IpRange[] _ranges;

    public IpAddressCondition(Condition source) : base(source) =>
        _ranges = source.Values.Select(v => IpRange.TryParse(v.Value, out var r) ? r : throw new InvalidOperationException("unvalidated IP value")).ToArray();

    public IReadOnlyList<IpRange> Ranges => _ranges;

    protected override bool MatchesAnyPolicyValue(ContextValue value, int index, RequestContext context)
    {
        var address = value.GetIp(Key, index);
        foreach (var range in _ranges)
            if (range.Contains(address)) return true;
        return false;
    }
}
