using IamHarden.Analysis.Prover.Encoding;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Prover.Properties;

/// <summary>
/// source-ip=CIDR,...: no request from outside the ranges is allowed. "Outside" includes a request
/// without aws:SourceIp (one through a VPC endpoint) unless <see cref="AllowVpcEndpointCalls"/>;
/// requests an AWS service makes for the user (aws:ViaAWSService "true") are excepted when
/// <see cref="AllowServiceCalls"/>, as the guide's policy with the aws:ViaAWSService guard intends.
/// </summary>
public sealed class SourceIpProperty(IReadOnlyList<IpRange> ranges, IReadOnlyList<string> texts, bool allowServiceCalls, bool allowVpcEndpointCalls) : VerificationProperty
{
    public IReadOnlyList<IpRange> Ranges { get; } = ranges;

    public bool AllowServiceCalls { get; } = allowServiceCalls;

    public bool AllowVpcEndpointCalls { get; } = allowVpcEndpointCalls;

    /// <summary>Only direct calls (aws:ViaAWSService "false"), as the audit asks.</summary>
    internal bool DirectCallsOnly { get; init; }

    public override string Text => "source-ip=" + string.Join(',', texts);

    public override string Description =>
        $"no request from outside {string.Join(", ", texts)} is allowed" +
        (AllowVpcEndpointCalls ? "" : " (a request without aws:SourceIp, through a VPC endpoint, counts as outside)") +
        (AllowServiceCalls || DirectCallsOnly ? ", except requests an AWS service makes for the user (aws:ViaAWSService \"true\")" : "");

    public override IReadOnlyList<string> Keys => [RequestFacts.SourceIp, RequestFacts.ViaAwsService];

    internal override void Require(ContextVocabulary.Builder vocabulary)
    {
        vocabulary.Require(RequestFacts.SourceIp, ConditionFamily.IpAddress);
        if (AllowServiceCalls || DirectCallsOnly) vocabulary.Require(RequestFacts.ViaAwsService, ConditionFamily.Bool);
    }

    internal override string Violation(Query query)
    {
        var request = query.Request;
        var outside = Smt.Smt.Not(PropertyTerms.SourceIpIn(request, Ranges));
        var parts = new List<string> { outside, query.Decision.Allowed };
        if (AllowServiceCalls || DirectCallsOnly) parts.Add(Smt.Smt.Not(PropertyTerms.ViaAwsService(request)));
        if (DirectCallsOnly) parts.Add(request.Key(RequestFacts.ViaAwsService)!.Present);
        if (AllowVpcEndpointCalls) parts.Add(request.Key(RequestFacts.SourceIp)!.Present);
        return Smt.Smt.And(parts);
    }

    public override bool IsViolatedBy(AuthorizationRequest request, Decision decision) =>
        decision == Decision.Allowed
        && !PropertyTerms.SourceIpIn(request, Ranges)
        && !((AllowServiceCalls || DirectCallsOnly) && PropertyTerms.ViaAwsService(request))
        && !(DirectCallsOnly && !request.Context.Contains(RequestFacts.ViaAwsService))
        && !(AllowVpcEndpointCalls && !PropertyTerms.SourceIpPresent(request));
}
