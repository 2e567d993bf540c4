using IamHarden.Analysis.Prover.Encoding;
using IamHarden.Analysis.Prover.Properties;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Prover;

/// <summary>
/// The question behind "the IP restriction breaks AWS services acting for the user", for a query
/// with two requests: request 1 comes directly from an approved address and is allowed; request 2
/// is the same call (action, resource, every other context key) made by an AWS service
/// (aws:ViaAWSService "true", from any address or none) and is explicitly denied.
/// </summary>
internal static class ServiceCallQuestion
{
    /// <summary>Request 1 comes directly from an approved address and is allowed; request 2 is the same call made by an AWS service, and is explicitly denied.</summary>
    public static string Goal(Query query, IReadOnlyList<IpRange> allowed)
    {
        var (direct, service) = (query.Requests[0], query.Requests[1]);
        var varying = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { RequestFacts.SourceIp, RequestFacts.ViaAwsService, "aws:CalledVia", "aws:CalledViaFirst", "aws:CalledViaLast" };
        var parts = new List<string>
        {
            Smt.Smt.Eq(direct.Action, service.Action),
            Smt.Smt.Eq(direct.FutureActionName, service.FutureActionName),
            Smt.Smt.And(direct.Resource.ModelSymbols().Zip(service.Resource.ModelSymbols(), Smt.Smt.Eq)),
            PropertyTerms.SourceIpIn(direct, allowed),
            direct.Key(RequestFacts.ViaAwsService)!.Present,
            Smt.Smt.Not(PropertyTerms.ViaAwsService(direct)),
            PropertyTerms.ViaAwsService(service),
            query.Decisions[0].Allowed,
            query.Decisions[1].ExplicitDeny,
        };
        foreach (var key in direct.Keys)
            if (!varying.Contains(key.Plan.Name)) parts.Add(key.SameAs(service.Key(key.Plan)));
        return Smt.Smt.And(parts);
    }

}
