using IamHarden.Analysis.Audit.Access;
using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Guardrails;
using IamHarden.Analysis.Snapshot;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Audit;

/// <summary>
/// What every check sees: the snapshot, the configuration, the audit time, each user's effective
/// policies, and the answers to the semantic access questions — computed once per distinct policy
/// set and shared by all checks and all users with the same policies.
/// </summary>
public sealed class AuditContext
{
    private readonly Dictionary<string, AccessAnswer> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccessAnswer> _sharedNone = new(StringComparer.Ordinal);
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Core.Evaluation.PolicySet, string> _policyText = new();

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

    public AccessAnswer AllowedWithoutMfa(IamUser user, CredentialKind credentials) =>
        Ask(user, "mfa:" + credentials, () => Access.AllowedWithoutMfa(Policies.For(user), user, credentials, EnrollmentActions.Recommended));

    public AccessAnswer EnrollmentDenied(IamUser user, bool includePasswordReset) =>
        Ask(user, "enrol:" + includePasswordReset, () => Access.EnrollmentDenied(Policies.For(user), user,
            includePasswordReset ? EnrollmentActions.Guide.Concat(EnrollmentActions.PasswordReset).ToList() : EnrollmentActions.Guide));

    public AccessAnswer AllowedFromOutside(IamUser user) =>
        Ask(user, "ip", () => Access.AllowedFromOutside(Policies.For(user), user, AllowedRanges));

    public AccessAnswer PrivilegedAccess(IamUser user) =>
        Ask(user, "admin", () => Access.PrivilegedAccess(Policies.For(user), user));

    public AccessAnswer ServiceCallDenied(IamUser user) =>
        Ask(user, "service", () => Access.ServiceCallDenied(Policies.For(user), user, AllowedRanges));

    /// <summary>Whether the user is one the IP restriction must cover (config ipRestriction.scope).</summary>
    public bool InIpScope(IamUser user) => Config.IpRestriction.Scope switch
    {
        IpRestrictionScope.AllUsers => true,
        IpRestrictionScope.ConsoleUsers => user.HasConsolePassword,
        _ => PrivilegedAccess(user).Kind == AccessAnswerKind.Found,
    };

    private bool IdentitySensitive(IamUser user)
    {
        var text = _policyText.GetValue(Policies.For(user), set => string.Join("\n",
            set.Identity.Select(p => p.Document).Concat(set.PermissionsBoundary is { } b ? [b.Document] : [])
                .Select(d => Core.Policy.PolicyPrinter.Print(d, indented: false))));
        return text.Contains(user.Name, StringComparison.Ordinal) || text.Contains("aws:PrincipalTag", StringComparison.OrdinalIgnoreCase);
    }

    private AccessAnswer Ask(IamUser user, string question, Func<AccessAnswer> answer)
    {
        if (Policies.IsUndetermined(user))
            return AccessAnswer.Unknown("one of the user's policies or groups could not be read from the snapshot (see the warnings)");
        var key = question + "|" + Policies.Fingerprint(user) + "|" + user.Arn;
        if (_answers.TryGetValue(key, out var cached)) return cached;
        // Users with the same policies and path get the same answer up to renaming — unless the
        // policies name the user or read principal tags. A "none" answer (the expensive, exhaustive
        // one) is then shared; a found request is cheap to find again for each user.
        var shareKey = question + "|" + Policies.Fingerprint(user) + "|" + user.Path + (IdentitySensitive(user) ? "|" + user.Arn : "");
        if (_sharedNone.TryGetValue(shareKey, out var shared)) return _answers[key] = shared;
        cached = answer();
        if (cached.Kind == AccessAnswerKind.None) _sharedNone[shareKey] = cached;
        return _answers[key] = cached;
    }
}
