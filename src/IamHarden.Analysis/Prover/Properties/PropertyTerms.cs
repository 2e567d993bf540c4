using IamHarden.Analysis.Prover.Encoding;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Prover.Properties;

/// <summary>The request facts properties talk about (no MFA, outside the CIDRs, made by an AWS service), as formulas and as tests on concrete requests.</summary>
internal static class PropertyTerms
{
    /// <summary>aws:MultiFactorAuthPresent is "false" (console session without MFA) or absent (long-term access keys).</summary>
    public static string NoMfa(RequestSymbols request)
    {
        var key = Bool(request, RequestFacts.Mfa);
        return Smt.Smt.Or(Smt.Smt.Not(key.Present), Smt.Smt.Not(key.Single.AsBool()));
    }

    public static bool NoMfa(AuthorizationRequest request) =>
        request.Context.Find(RequestFacts.Mfa) is not { } value || (!value.IsList && AwsBool.TryParse(value[0], out var b) && !b);

    /// <summary>aws:ViaAWSService is "true".</summary>
    public static string ViaAwsService(RequestSymbols request)
    {
        var key = Bool(request, RequestFacts.ViaAwsService);
        return Smt.Smt.And(key.Present, key.Single.AsBool());
    }

    public static bool ViaAwsService(AuthorizationRequest request) =>
        request.Context.Find(RequestFacts.ViaAwsService) is { IsList: false } value && AwsBool.TryParse(value[0], out var b) && b;

    /// <summary>aws:SourceIp is present and lies in one of the ranges.</summary>
    public static string SourceIpIn(RequestSymbols request, IReadOnlyList<IpRange> ranges)
    {
        var key = request.Key(RequestFacts.SourceIp)!;
        if (key.Plan.Unsupported is { } reason) throw new UnsupportedPolicyException(reason);
        var (isV6, bits) = key.Single.AsIp();
        return Smt.Smt.And(key.Present, Smt.Smt.Or(ranges.Select(r => ConditionEncoder.InRange(isV6, bits, r))));
    }

    public static bool SourceIpIn(AuthorizationRequest request, IReadOnlyList<IpRange> ranges) =>
        request.Context.Find(RequestFacts.SourceIp) is { IsList: false } value && IpAddressText.TryParse(value[0], out var address) && ranges.Any(r => r.Contains(address));

    public static bool SourceIpPresent(AuthorizationRequest request) => request.Context.Contains(RequestFacts.SourceIp);

    private static KeyTerms Bool(RequestSymbols request, string name)
    {
        var key = request.Key(name) ?? throw new InvalidOperationException($"{name} was not required");
        if (key.Plan.Unsupported is { } reason) throw new UnsupportedPolicyException(reason);
        return key;
    }
}
