namespace IamHarden.Analysis.Guardrails;

/// <summary>What the IP-restriction policy allows: approved public ranges and, optionally, VPC-endpoint callers.</summary>
public sealed record IpRestrictionOptions
{
    /// <summary>Approved public source ranges (office, VPN and bastion egress), IPv4 and IPv6.</summary>
    public IReadOnlyList<string> Cidrs { get; init; } = [];

    /// <summary>VPC endpoint ids (vpce-...) whose requests are allowed: they carry no aws:SourceIp.</summary>
    public IReadOnlyList<string> VpcEndpointIds { get; init; } = [];

    /// <summary>Private ranges of callers that come through VPC endpoints (matched against aws:VpcSourceIp).</summary>
    public IReadOnlyList<string> VpcSourceCidrs { get; init; } = [];
}
