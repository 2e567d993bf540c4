using IamHarden.Analysis.Audit.Access;
using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Guardrails;
using IamHarden.Analysis.Snapshot;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Audit;

/// <summary>
/// What every check sees: the snapshot, the configuration, the audit time, each user's effective
/// policies, and the answers to the semantic access questions — computed once per distinct policy
/// set and shared by all checks and all users with the same policies.
/// </summary>
public sealed class AuditContext
{
    // Keyed by (question, user ARN) and (question, share id): tuples, not joined strings, so that
    // asking a question that is already answered allocates nothing.
    private readonly Dictionary<(string Question, string User), AccessAnswer> _answers = new();
    private readonly Dictionary<(string Question, int Share), AccessAnswer> _sharedNone = new();
    private readonly Dictionary<(string Question, int Share), (AccessAnswer Answer, IamUser User)> _sharedFound = new();
    private readonly Dictionary<string, bool> _sensitive = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _shareIds = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Fingerprint, string Path, string? OwnArn), int> _shareIdsByKey = new();
    private readonly ReferenceCache<CompiledPolicy, NamesInPolicy> _policyNames = new();

    public AuditContext(AccountSnapshot snapshot, IamHardenConfig config, DateTimeOffset asOf, PrincipalPolicies policies, IAccessAnalyzer access)
    {
        Snapshot = snapshot;
        Config = config;
        AsOf = asOf;
        Policies = policies;
        Access = access;
        AllowedRanges = config.AllowedCidrs.Select(c => IpRange.TryParse(c, out var r) ? r : throw new ConfigException($"allowedCidrs: \"{c}\" is not a CIDR")).ToList();
    }

    public AccountSnapshot Snapshot { get; }
    public IamHardenConfig Config { get; }
    public DateTimeOffset AsOf { get; }
    public PrincipalPolicies Policies { get; }
    public IAccessAnalyzer Access { get; }
    public IReadOnlyList<IpRange> AllowedRanges { get; }

    public IEnumerable<IamUser> Users => Snapshot.Users;

    public bool IsBreakGlass(IamUser user) => Config.IsBreakGlass(user.Name);

    public AccessAnswer AllowedWithoutMfa(IamUser user, CredentialKind credentials) => credentials == CredentialKind.ConsoleSession
        ? Ask(user, "mfa:console", Allowed, static (c, u) => c.Access.AllowedWithoutMfa(c.Policies.For(u), u, CredentialKind.ConsoleSession, EnrollmentActions.Recommended))
        : Ask(user, "mfa:keys", Allowed, static (c, u) => c.Access.AllowedWithoutMfa(c.Policies.For(u), u, CredentialKind.AccessKeys, EnrollmentActions.Recommended));

    private static readonly IReadOnlyList<string> EnrollmentWithPasswordReset = [.. EnrollmentActions.Guide, .. EnrollmentActions.PasswordReset];

    public AccessAnswer EnrollmentDenied(IamUser user, bool includePasswordReset) => includePasswordReset
        ? Ask(user, "enrol:with-password-reset", NotAllowed, static (c, u) => c.Access.EnrollmentDenied(c.Policies.For(u), u, EnrollmentWithPasswordReset))
        : Ask(user, "enrol", NotAllowed, static (c, u) => c.Access.EnrollmentDenied(c.Policies.For(u), u, EnrollmentActions.Guide));

    public AccessAnswer AllowedFromOutside(IamUser user) =>
        Ask(user, "ip", Allowed, static (c, u) => c.Access.AllowedFromOutside(c.Policies.For(u), u, c.AllowedRanges));

    public AccessAnswer PrivilegedAccess(IamUser user) =>
        Ask(user, "admin", Allowed, static (c, u) => c.Access.PrivilegedAccess(c.Policies.For(u), u));

    public AccessAnswer ServiceCallDenied(IamUser user) =>
        Ask(user, "service", ExplicitlyDenied, static (c, u) => c.Access.ServiceCallDenied(c.Policies.For(u), u, c.AllowedRanges));

    private static bool NotAllowed(Decision decision) => decision != Decision.Allowed;

    private static bool ExplicitlyDenied(Decision decision) => decision == Decision.ExplicitDeny;

    private static bool Allowed(Decision decision) => decision == Decision.Allowed;

    /// <summary>Whether the user is one the IP restriction must cover (config ipRestriction.scope).</summary>
    public bool InIpScope(IamUser user) => Config.IpRestriction.Scope switch
    {
        IpRestrictionScope.AllUsers => true,
        IpRestrictionScope.ConsoleUsers => user.HasConsolePassword,
        _ => PrivilegedAccess(user).Kind == AccessAnswerKind.Found,
    };

    /// <summary>
    /// A number equal for users whose answers are equal up to renaming: the same policies and path,
    /// and policies that neither name them nor read principal tags (else the user's own number).
    /// </summary>
    private int ShareId(IamUser user)
    {
        if (_shareIds.TryGetValue(user.Arn, out var id)) return id;
        var key = (Policies.Fingerprint(user), user.Path, IdentitySensitive(user) ? user.Arn : null);
        if (!_shareIdsByKey.TryGetValue(key, out id)) _shareIdsByKey[key] = id = _shareIdsByKey.Count;
        return _shareIds[user.Arn] = id;
    }

    /// <summary>True when the user's policies mention the user by name or read principal tags: their answers are the user's alone.</summary>
    private bool IdentitySensitive(IamUser user)
    {
        if (_sensitive.TryGetValue(user.Arn, out var known)) return known;
        return _sensitive[user.Arn] = NamedByPolicies(user);
    }

    private bool NamedByPolicies(IamUser user)
    {
        var set = Policies.For(user);
        foreach (var policy in set.Identity)
            if (Names(policy).MayName(user.Name)) return true;
        if (set.PermissionsBoundary is { } boundary && Names(boundary).MayName(user.Name)) return true;
        foreach (var level in set.ServiceControlPolicyLevels)
            foreach (var policy in level)
                if (Names(policy).MayName(user.Name)) return true;
        return false;
    }

    private static readonly Func<CompiledPolicy, NamesInPolicy> NamesOf = p => new NamesInPolicy(p.Document);

    private NamesInPolicy Names(CompiledPolicy policy) => _policyNames.GetOrAdd(policy, NamesOf);

    /// <summary>
    /// Answers a question once per user. Users with the same policies and path get the same
    /// answer up to renaming — unless the policies name the user or read principal tags. A "none"
    /// answer (the expensive, exhaustive one) is then shared as it is; a found request is renamed
    /// for the next user and replayed through the evaluator, and used only when it still shows
    /// the same thing (<paramref name="shows"/>), so every counterexample is the user's own.
    /// </summary>
    private AccessAnswer Ask(IamUser user, string question, Func<Decision, bool> shows, Func<AuditContext, IamUser, AccessAnswer> answer)
    {
        if (Policies.IsUndetermined(user))
            return AccessAnswer.Unknown("one of the user's policies or groups could not be read from the snapshot (see the warnings)");
        var key = (question, user.Arn);
        if (_answers.TryGetValue(key, out var cached)) return cached;
        var shareKey = (question, ShareId(user));
        if (_sharedNone.TryGetValue(shareKey, out var shared)) return _answers[key] = shared;
        if (_sharedFound.TryGetValue(shareKey, out var example) && Renamed(example.Answer, example.User, user) is { } renamed
            && shows(PolicyEvaluator.Decide(Policies.For(user), renamed.Request!)))
            return _answers[key] = renamed;
        cached = answer(this, user);
        if (cached.Kind == AccessAnswerKind.None) _sharedNone[shareKey] = cached;
        else if (cached.Kind == AccessAnswerKind.Found) _sharedFound[shareKey] = (cached, user);
        return _answers[key] = cached;
    }

    /// <summary>The request of another user's answer, made by <paramref name="to"/>: principal, identity keys and own-user resources renamed.</summary>
    private static AccessAnswer? Renamed(AccessAnswer answer, IamUser from, IamUser to)
    {
        var caller = to.Caller;
        if (answer.Request is not { } request || caller.Principal is not { } principal) return null;
        var context = request.Context.Clone();
        if (context.Contains("aws:username")) context.Set("aws:username", caller.UserNameValue);
        if (context.Contains("aws:userid")) context.Set("aws:userid", caller.UserIdValue);
        if (context.Contains("aws:PrincipalArn")) context.Set("aws:PrincipalArn", caller.PrincipalArnValue);
        var resource = request.Resource.Replace(from.Arn, to.Arn, StringComparison.Ordinal)
            .Replace(":mfa/" + from.Name, ":mfa/" + to.Name, StringComparison.Ordinal);
        return answer with { Request = request with { Principal = principal, Resource = resource, Context = context } };
    }
}
