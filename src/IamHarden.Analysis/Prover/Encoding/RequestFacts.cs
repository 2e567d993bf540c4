using IamHarden.Analysis.Prover.Smt;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// What AWS guarantees about every request an IAM user makes (spec §6, §7), asserted so that
/// counterexamples are requests AWS can actually send: the principal keys carry the user's
/// name, ARN, account and type; aws:userid, aws:ViaAWSService, aws:SecureTransport,
/// aws:CurrentTime and aws:EpochTime are always present; aws:MultiFactorAuthAge is present only
/// when MFA was used; a request through a VPC endpoint (aws:SourceVpce) carries no aws:SourceIp.
/// Only keys the query reads are constrained. Every other key may be absent or hold any value.
/// </summary>
internal static class RequestFacts
{
    /// <summary>Keys AWS sets on every request of an IAM user.</summary>
    public static readonly string[] AlwaysPresent =
        ["aws:username", "aws:userid", "aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalType", "aws:ViaAWSService", "aws:SecureTransport", "aws:CurrentTime", "aws:EpochTime"];

    public const string Mfa = "aws:MultiFactorAuthPresent";
    public const string MfaAge = "aws:MultiFactorAuthAge";
    public const string SourceIp = "aws:SourceIp";
    public const string SourceVpce = "aws:SourceVpce";
    public const string ViaAwsService = "aws:ViaAWSService";
    private const string PrincipalTagPrefix = "aws:principaltag/";

    /// <summary>
    /// Keys whose value is known before solving: the principal's name and ARN (when the user is
    /// named), account and type, its tags (when known), and pinned single values. A pin may not
    /// contradict the principal.
    /// </summary>
    public static Dictionary<string, string> FixedValues(ProverPrincipal principal, Core.Evaluation.RequestContext pins)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["aws:principalaccount"] = principal.Account,
            ["aws:principaltype"] = "User",
        };
        if (principal.Name is { } name) values["aws:username"] = name;
        if (principal.Arn is { } arn) values["aws:principalarn"] = arn;
        if (principal.Tags is { } tags)
            foreach (var (k, v) in tags) values[PrincipalTagPrefix + k.ToLowerInvariant()] = v;
        foreach (var (key, value) in pins.Entries)
        {
            if (value.IsList) continue;
            var lower = key.ToLowerInvariant();
            if (values.TryGetValue(lower, out var known) && known != value[0])
                throw new ProverInputException($"--context {key}={value[0]} contradicts the principal ({known}); change --principal instead");
            values[lower] = value[0];
        }
        return values;
    }

    /// <summary>Keys a fact links to another one, so both must be in the vocabulary.</summary>
    public static void Require(ContextVocabulary.Builder vocabulary)
    {
        if (vocabulary.Contains(MfaAge)) vocabulary.Require(Mfa, ConditionFamily.Bool);
    }

    public static void Assert(SmtScript script, RequestSymbols request, PrincipalTerms principal)
    {
        script.Comment($"facts about every request of an IAM user ({request.Prefix})");
        void Fixed(string key, string value)
        {
            if (request.Key(key) is not { } terms) return;
            script.Assert(terms.Present);
            if (terms.Plan.IsMultiValued) return;
            if (terms.Plan.Kind == KeyKind.String && terms.FixedValue is null) script.Assert(Smt.Smt.Eq(terms.Single.TextTerm(), value));
            else if (terms.Plan.Kind == KeyKind.NullOnly) script.Assert(Smt.Smt.Not(terms.Single.NullSymbol));
        }
        Fixed("aws:username", principal.Name);
        Fixed("aws:PrincipalArn", principal.Arn);
        Fixed("aws:PrincipalAccount", Smt.Smt.Str(principal.Principal.Account));
        Fixed("aws:PrincipalType", Smt.Smt.Str("User"));
        foreach (var key in AlwaysPresent)
            if (request.Key(key) is { } terms) script.Assert(terms.Present);

        if (request.Key(MfaAge) is { } age && request.Key(Mfa) is { Plan.Kind: KeyKind.Bool } mfa)
            script.Assert(Smt.Smt.Implies(age.Present, Smt.Smt.And(mfa.Present, mfa.Single.BoolSymbol)));
        if (request.Key(SourceVpce) is { } vpce && request.Key(SourceIp) is { } ip)
            script.Assert(Smt.Smt.Implies(vpce.Present, Smt.Smt.Not(ip.Present)));

        if (principal.Principal.Tags is { } tags)
        {
            foreach (var terms in request.Keys.Where(k => k.Plan.Name.StartsWith(PrincipalTagPrefix, StringComparison.OrdinalIgnoreCase)))
            {
                var tagKey = terms.Plan.Name[PrincipalTagPrefix.Length..];
                var tag = tags.FirstOrDefault(t => string.Equals(t.Key, tagKey, StringComparison.OrdinalIgnoreCase));
                if (tag.Key is null) { script.Assert(Smt.Smt.Not(terms.Present)); continue; }
                script.Assert(terms.Present);
                if (terms.Plan.Kind == KeyKind.String && !terms.Plan.IsMultiValued && terms.FixedValue is null) script.Assert(terms.Single.TextMatches(RequestSymbols.Literal(tag.Value)));
            }
        }
    }
}
