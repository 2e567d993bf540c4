using IamHarden.Analysis.Snapshot;
using IamHarden.Core.Catalog;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Audit.Access;

/// <summary>
/// Answers the access questions by evaluating concrete candidate requests (see
/// <see cref="RequestCandidates"/>) with the evaluator. Every request it reports is real and
/// replayable; "none" means none of the realistic candidates was allowed — a search, not a proof
/// (the prover gives proofs when libz3 is present).
/// </summary>
public sealed class SearchAccessAnalyzer(DateTimeOffset now) : IAccessAnalyzer
{
    /// <summary>Public addresses that are nobody's office (example.com and a documentation-free IPv6 peer).</summary>
    private static readonly string[] OutsideAddresses = ["93.184.216.34", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "52.94.236.248"];

    private readonly ReferenceCache<PolicySet, CandidateActions> _candidates = new();

    private readonly ReferenceCache<PolicySet, Dictionary<string, bool>> _blanket = new();

    private CandidateActions Candidates(PolicySet policies) => _candidates.GetOrAdd(policies, p => new CandidateActions(p));

    /// <summary>
    /// The last user's candidates: a user's questions come one after another (the matrix and each
    /// check ask them together), and share them. Only the last is kept, so that they die young.
    /// </summary>
    private LastCandidates? _lastCandidates;

    /// <summary>One object, so that another thread reads either the old pair or the new one.</summary>
    private sealed record LastCandidates(PolicySet Policies, RequestCandidates Candidates);

    private RequestCandidates CandidatesFor(PolicySet policies, IamUser user)
    {
        if (_lastCandidates is { } last && ReferenceEquals(last.Policies, policies) && ReferenceEquals(last.Candidates.User, user)) return last.Candidates;
        var made = new RequestCandidates(Candidates(policies), user, CommonContext, Shared);
        _lastCandidates = new LastCandidates(policies, made);
        return made;
    }

    private const string Note = "searched realistic requests over the whole action catalog (not a proof: install libz3 for one)";

    // Values every user's requests share (the audit time, addresses, flags): made once, so that
    // their typed readings (an address, a date) are parsed once for all requests too.
    private readonly Dictionary<string, ContextValue> _sharedValues = new(StringComparer.Ordinal);
    private string? _tokenIssueTime;

    private ContextValue Shared(string value)
    {
        lock (_sharedValues)
        {
            if (!_sharedValues.TryGetValue(value, out var shared)) _sharedValues[value] = shared = ContextValue.Single(value);
            return shared;
        }
    }

    private string TokenIssueTime => _tokenIssueTime ??= now.AddMinutes(-5).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");

    private RequestContext? _commonContext;

    /// <summary>What AWS sets alike for every IAM user's own request at the audit time (read only: base contexts copy it).</summary>
    private RequestContext CommonContext => _commonContext ??= new RequestContext()
        .Set("aws:PrincipalType", Shared("User"))
        .Set("aws:SecureTransport", Shared("true"))
        .Set("aws:ViaAWSService", Shared("false"))
        .Set("aws:RequestedRegion", Shared("us-east-1"))
        .Set("aws:CurrentTime", Shared(now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ")))
        .Set("aws:EpochTime", Shared(now.ToUnixTimeSeconds().ToString()));

    /// <summary>An enrolment list as the MFA question uses it: the exempt set and the blanket-deny question key per credential kind.</summary>
    private sealed record Enrollment(IReadOnlySet<string> Exempt, string ConsoleQuestion, string KeysQuestion);

    private readonly Dictionary<IReadOnlyList<string>, Enrollment> _enrollments = new(ReferenceEqualityComparer.Instance);

    /// <summary>Made once per list: the same list is passed for every user.</summary>
    private Enrollment EnrollmentOf(IReadOnlyList<string> actions)
    {
        lock (_enrollments)
        {
            if (!_enrollments.TryGetValue(actions, out var known))
            {
                var list = string.Join(',', actions);
                _enrollments[actions] = known = new Enrollment(new HashSet<string>(actions, StringComparer.OrdinalIgnoreCase),
                    "mfa:" + CredentialKind.ConsoleSession + ":" + list, "mfa:" + CredentialKind.AccessKeys + ":" + list);
            }
            return known;
        }
    }

    /// <summary>The addresses outside the allowed ranges, and the blanket-deny question key, for the last list of ranges asked about (the audit asks with one list).</summary>
    private OutsideOf? _outside;

    /// <summary>One object, so that another thread reads either the old one or the new one.</summary>
    private sealed record OutsideOf(IReadOnlyList<IpRange> Allowed, List<string> Outside, string Question);

    private (List<string> Outside, string Question) Outside(IReadOnlyList<IpRange> allowed)
    {
        if (_outside is { } known && ReferenceEquals(known.Allowed, allowed)) return (known.Outside, known.Question);
        var outside = OutsideAddresses.Concat(JustOutside(allowed)).Where(a => IpAddressText.TryParse(a, out var ip) && !allowed.Any(r => r.Contains(ip))).Distinct().ToList();
        var made = new OutsideOf(allowed, outside, "ip:" + string.Join(',', allowed));
        _outside = made;
        return (made.Outside, made.Question);
    }

    public AccessAnswer AllowedWithoutMfa(PolicySet policies, IamUser user, CredentialKind credentials, IReadOnlyList<string> enrollmentActions)
    {
        var candidates = CandidatesFor(policies, user);
        var enrollment = EnrollmentOf(enrollmentActions);
        var exempt = enrollment.Exempt;
        var baseContext = candidates.BaseContext();
        IReadOnlyList<string> absent = [];
        if (credentials == CredentialKind.ConsoleSession) baseContext.Set("aws:MultiFactorAuthPresent", Shared("false")).Set("aws:TokenIssueTime", Shared(TokenIssueTime));
        else absent = ["aws:MultiFactorAuthPresent"];
        var fixedKeys = MfaFixedKeys;
        var question = credentials == CredentialKind.ConsoleSession ? enrollment.ConsoleQuestion : enrollment.KeysQuestion;
        if (BlanketDeny(question, policies, candidates, [baseContext], fixedKeys, exempt))
            return AccessAnswer.NotFound(proven: false, BlanketNote);
        foreach (var request in Requests(candidates, WithAddresses(baseContext, candidates.AddressesNamedByPolicies().Concat(OutsideAddresses)), fixedKeys, a => !exempt.Contains(a)))
            if (PolicyEvaluator.Decide(policies, request) == Decision.Allowed)
                return AccessAnswer.Found(Minimal(policies, request, fixedKeys), proven: false, absent);
        return AccessAnswer.NotFound(proven: false, Note);
    }

    public AccessAnswer EnrollmentDenied(PolicySet policies, IamUser user, IReadOnlyList<string> requiredActions)
    {
        var candidates = CandidatesFor(policies, user);
        var baseContext = candidates.BaseContext().Set("aws:MultiFactorAuthPresent", Shared("false"));
        var contexts = WithAddresses(baseContext, candidates.AddressesNamedByPolicies().Concat(OutsideAddresses)).ToList();
        var fixedKeys = EnrollmentFixedKeys;
        LazyList<RequestContext>? variants = null;
        foreach (var action in requiredActions)
        {
            // GetSessionToken needs no permission at all (AWS); it is not part of enrolment.
            if (action.Equals("sts:GetSessionToken", StringComparison.OrdinalIgnoreCase)) continue;
            var definition = ActionCatalog.Default.FindAction(action);
            string resource = definition is null || definition.IsWildcardOnly ? "*"
                : action.Contains("VirtualMFADevice", StringComparison.OrdinalIgnoreCase) ? candidates.OwnMfaDeviceArn : candidates.OwnUserArn;
            var first = new AuthorizationRequest(candidates.Principal, action, resource, contexts[0]);
            // No Allow statement names the action: it is denied whatever the context.
            if (!candidates.MayBeAllowed(action)) return AccessAnswer.Found(Minimal(policies, first, fixedKeys), proven: false);
            variants ??= new LazyList<RequestContext>(contexts.SelectMany(c => candidates.Contexts(c, fixedKeys)));
            bool allowed = false;
            foreach (var context in variants)
                if (PolicyEvaluator.Decide(policies, first with { Context = context }) == Decision.Allowed) { allowed = true; break; }
            if (!allowed) return AccessAnswer.Found(Minimal(policies, first, fixedKeys), proven: false);
        }
        return AccessAnswer.NotFound(proven: false, Note);
    }

    public AccessAnswer AllowedFromOutside(PolicySet policies, IamUser user, IReadOnlyList<IpRange> allowed)
    {
        var candidates = CandidatesFor(policies, user);
        var baseContext = candidates.BaseContext().Set("aws:MultiFactorAuthPresent", Shared("true")).Set("aws:MultiFactorAuthAge", Shared("60"))
            .Set("aws:TokenIssueTime", Shared(TokenIssueTime));
        var (outside, question) = Outside(allowed);
        var contexts = new List<RequestContext>(outside.Count + 1);
        foreach (var address in outside) contexts.Add(baseContext.Clone().Set("aws:SourceIp", Shared(address)));
        // A request through a VPC endpoint carries no aws:SourceIp at all. The endpoint and the private
        // caller address are ones no policy approves: endpoints and ranges a policy lets in are the
        // account's own networks, like allowedCidrs (an attacker can bring an endpoint of their own).
        contexts.Add(baseContext.Clone().Set("aws:SourceVpce", Shared(UnknownVpcEndpoint)).Set("aws:SourceVpc", Shared(UnknownVpc))
            .Set("aws:VpcSourceIp", Shared(UnapprovedPrivateAddress(candidates))));
        // Where the request comes from is what the question fixes: these keys are never varied.
        var fixedKeys = OutsideFixedKeys;
        if (BlanketDeny(question, policies, candidates, contexts, fixedKeys, NothingExempt))
            return AccessAnswer.NotFound(proven: false, BlanketNote);
        foreach (var request in Requests(candidates, contexts, fixedKeys, _ => true))
            if (PolicyEvaluator.Decide(policies, request) == Decision.Allowed)
                return AccessAnswer.Found(Minimal(policies, request, fixedKeys), proven: false, request.Context.Contains("aws:SourceIp") ? [] : ["aws:SourceIp"]);
        return AccessAnswer.NotFound(proven: false, Note);
    }

    private const string UnknownVpcEndpoint = "vpce-0f0e0d0c0b0a09080";
    private const string UnknownVpc = "vpc-0f0e0d0c0b0a09080";

    /// <summary>A private address outside every aws:VpcSourceIp range the policies name.</summary>
    private static string UnapprovedPrivateAddress(RequestCandidates candidates)
    {
        var approved = candidates.RangesNamedByPolicies("aws:VpcSourceIp").ToList();
        foreach (var address in new[] { "10.255.255.254", "172.31.255.254", "192.168.255.254", "100.127.255.254", "fd00:ffff::1" })
            if (IpAddressText.TryParse(address, out var ip) && !approved.Any(r => r.Contains(ip))) return address;
        return "198.18.0.1";
    }

    public AccessAnswer PrivilegedAccess(PolicySet policies, IamUser user)
    {
        var candidates = CandidatesFor(policies, user);
        var baseContext = candidates.BaseContext().Set("aws:MultiFactorAuthPresent", Shared("true")).Set("aws:MultiFactorAuthAge", Shared("60"));
        var contexts = WithAddresses(baseContext, candidates.AddressesNamedByPolicies().Concat(OutsideAddresses)).ToList();
        var fixedKeys = NothingExempt;
        foreach (var request in Requests(candidates, contexts, fixedKeys, null, privilegeGranting: true))
            if (PolicyEvaluator.Decide(policies, request) == Decision.Allowed)
                return AccessAnswer.Found(Minimal(policies, request, fixedKeys), proven: false);
        return AccessAnswer.NotFound(proven: false, Note);
    }

    public AccessAnswer ServiceCallDenied(PolicySet policies, IamUser user, IReadOnlyList<IpRange> allowed)
    {
        var candidates = CandidatesFor(policies, user);
        var inside = allowed.Select(r => r.Network.BaseAddress.ToString()).Concat(candidates.AddressesNamedByPolicies()).Distinct().ToList();
        if (inside.Count == 0) return AccessAnswer.NotFound(proven: false, "no approved address to compare with");
        var baseContext = candidates.BaseContext().Set("aws:MultiFactorAuthPresent", Shared("true")).Set("aws:MultiFactorAuthAge", Shared("60"));
        int tried = 0;
        foreach (var request in Requests(candidates, WithAddresses(baseContext, inside), ServiceFixedKeys, _ => true))
        {
            if (PolicyEvaluator.Decide(policies, request) != Decision.Allowed) continue;
            var viaService = request with { Context = request.Context.Clone().Set("aws:ViaAWSService", Shared("true")).Set("aws:SourceIp", Shared("52.94.236.248")).SetList("aws:CalledVia", ["cloudformation.amazonaws.com"]) };
            if (PolicyEvaluator.Decide(policies, viaService) == Decision.ExplicitDeny) return AccessAnswer.Found(viaService, proven: false);
            if (++tried >= 20) break;
        }
        return AccessAnswer.NotFound(proven: false, Note);
    }

    private static readonly IReadOnlySet<string> NothingExempt = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    // The keys each question fixes (never varied by the search), shared by every user's search.
    private static readonly IReadOnlySet<string> MfaFixedKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge", "aws:TokenIssueTime" };
    private static readonly IReadOnlySet<string> EnrollmentFixedKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "aws:MultiFactorAuthPresent", "aws:username", "aws:PrincipalArn" };
    private static readonly IReadOnlySet<string> ServiceFixedKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "aws:SourceIp", "aws:ViaAWSService" };
    private static readonly IReadOnlySet<string> OutsideFixedKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "aws:SourceIp", "aws:ViaAWSService", "aws:SourceVpce", "aws:SourceVpc", "aws:VpcSourceIp" };
    private static readonly string[] ProbeActions = ["s3:GetObject", "ec2:DescribeInstances"];

    private const string BlanketNote = "a Deny statement on every action and resource applies to all such requests (checked over the whole action catalog)";

    /// <summary>
    /// True when one Deny statement settles the question for every candidate: it covers every
    /// action in question on every resource ("*"), and its conditions read only the keys the
    /// question fixes — and hold in every context considered. Then no request can be allowed,
    /// whatever the other policies say (an explicit deny wins), and the search can stop at once.
    /// This is the shape of the guide's guardrails, so well-protected users are decided quickly.
    /// </summary>
    private bool BlanketDeny(string question, PolicySet policies, RequestCandidates candidates, IReadOnlyList<RequestContext> contexts, IReadOnlySet<string> fixedKeys, IReadOnlySet<string> exempt)
    {
        // The answer depends only on the policies and the question: the statement may read only the
        // keys the question fixes, and those are the same for every user.
        var answers = _blanket.GetOrAdd(policies, _ => new Dictionary<string, bool>(StringComparer.Ordinal));
        lock (answers)
            if (answers.TryGetValue(question, out var known)) return known;
        var result = BlanketDenyOf(Candidates(policies), candidates, contexts, fixedKeys, exempt);
        lock (answers) answers[question] = result;
        return result;
    }

    private static bool BlanketDenyOf(CandidateActions actions, RequestCandidates candidates, IReadOnlyList<RequestContext> contexts, IReadOnlySet<string> fixedKeys, IReadOnlySet<string> exempt)
    {
        // Any action outside the exempt set will do to test the conditions: they read no action-dependent key.
        var probe = ProbeActions.First(a => !exempt.Contains(a));
        foreach (var statement in actions.Statements)
        {
            if (statement.Effect != Core.Policy.Effect.Deny || statement.Resources is not { IsNegated: false } resources || !resources.ContainsWildcardOnly) continue;
            // Only the fixed keys, and no variables (which would make the answer the user's own).
            if (statement.Conditions.Any(c => !fixedKeys.Contains(c.Key.Value) || c.Values.Any(v => v.Value.Contains("${", StringComparison.Ordinal)))) continue;
            // Every action in question, by the patterns themselves (exact for "*" and NotAction lists of exempt actions).
            if (!CandidateActions.CoversEveryActionExcept(statement, exempt)) continue;
            // Its conditions read no action-dependent key: one action in every context decides them.
            var set = PolicySet.OfIdentity(StatementAlone.Of(statement));
            if (contexts.All(context => PolicyEvaluator.Decide(set, new AuthorizationRequest(candidates.Principal, probe, "*", context)) == Decision.ExplicitDeny))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The same request with every context key removed that the decision does not need (keys in
    /// <paramref name="keep"/> stay: they are what the question is about). Shorter examples are
    /// easier to read and to replay.
    /// </summary>
    private static AuthorizationRequest Minimal(PolicySet policies, AuthorizationRequest request, IReadOnlySet<string> keep)
    {
        var decision = PolicyEvaluator.Decide(policies, request);
        var removable = request.Context.Entries.Select(e => e.Key).Where(k => !keep.Contains(k)).Order(StringComparer.Ordinal).ToList();
        // Usually no key but the kept ones matters: try without all of them first.
        var bare = request.Context.Clone();
        foreach (var key in removable) bare.Remove(key);
        if (PolicyEvaluator.Decide(policies, request with { Context = bare }) == decision) return request with { Context = bare };
        var context = request.Context.Clone();
        foreach (var key in removable)
        {
            var without = context.Clone().Remove(key);
            if (PolicyEvaluator.Decide(policies, request with { Context = without }) == decision) context = without;
        }
        return request with { Context = context };
    }

    private IEnumerable<RequestContext> WithAddresses(RequestContext baseContext, IEnumerable<string> addresses)
    {
        foreach (var address in addresses.Distinct())
            yield return baseContext.Clone().Set("aws:SourceIp", Shared(address));
    }

    private static IEnumerable<string> JustOutside(IReadOnlyList<IpRange> ranges)
    {
        foreach (var range in ranges.Where(r => r.IsIPv4))
        {
            var bytes = range.Network.BaseAddress.GetAddressBytes();
            uint value = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
            uint size = range.PrefixLength == 0 ? 0 : 1u << (32 - range.PrefixLength);
            foreach (var candidate in new[] { value + size, value - 1 })
                yield return new System.Net.IPAddress([(byte)(candidate >> 24), (byte)(candidate >> 16), (byte)(candidate >> 8), (byte)candidate]).ToString();
        }
    }

    private static IEnumerable<AuthorizationRequest> Requests(RequestCandidates candidates, IEnumerable<RequestContext> contexts, IReadOnlySet<string> fixedKeys,
        Func<string, bool>? actionFilter, bool privilegeGranting = false)
    {
        var bases = contexts.ToList();
        // An action that a Deny reading only the fixed keys denies in every base context is denied
        // in every variation too (variations never touch those keys): skip it without trying them.
        var denial = candidates.FixedKeyDenial(fixedKeys);
        bool DeniedEverywhere(string action) => denial is not null && bases.All(context =>
            PolicyEvaluator.Decide(denial, new AuthorizationRequest(candidates.Principal, action, "*", context)) == Decision.ExplicitDeny);
        // Contexts are made as they are first needed: most searches stop at the first few.
        var variants = new LazyList<RequestContext>(bases.SelectMany(c => candidates.Contexts(c, fixedKeys)).Take(400));
        foreach (var action in privilegeGranting ? candidates.PrivilegeGrantingActions() : candidates.Actions())
        {
            if (actionFilter is not null && !actionFilter(action)) continue;
            if (DeniedEverywhere(action)) continue;
            foreach (var resource in candidates.Resources(action))
            {
                if (!candidates.MayBeAllowed(action, resource, bases[0])) continue;
                foreach (var context in variants)
                    yield return new AuthorizationRequest(candidates.Principal, action, resource, context);
            }
        }
    }
}
