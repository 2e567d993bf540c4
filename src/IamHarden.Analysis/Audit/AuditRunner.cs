using IamHarden.Analysis.Audit.Access;
using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Snapshot;
using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Audit;

/// <summary>Runs the selected checks over a snapshot and assembles the report.</summary>
public static class AuditRunner
{
    public sealed record Options
    {
        public required IamHardenConfig Config { get; init; }
        public DateTimeOffset? AsOf { get; init; }
        public IReadOnlyList<CompiledPolicy> ServiceControlPolicies { get; init; } = [];
        /// <summary>
        /// The users' policies when the caller has resolved them already (from this snapshot, with
        /// its SCPs given to them rather than to <see cref="ServiceControlPolicies"/>), so that
        /// they are compiled once; made here when not given.
        /// </summary>
        public PrincipalPolicies? Policies { get; init; }
        public IReadOnlyList<string> OnlyChecks { get; init; } = [];
        public IReadOnlyList<string> SkipChecks { get; init; } = [];
        public required IAccessAnalyzer Access { get; init; }
        public string AnalysisMethod { get; init; } = "";
    }

    public static AuditReport Run(AccountSnapshot snapshot, Options options)
    {
        var asOf = options.AsOf ?? DateTimeOffset.UtcNow;
        if (options.Policies is not null && options.ServiceControlPolicies.Count > 0)
            throw new ArgumentException("give the SCPs to the PrincipalPolicies passed as Options.Policies, not to Options.ServiceControlPolicies", nameof(options));
        var policies = options.Policies ?? new PrincipalPolicies(snapshot, options.ServiceControlPolicies);
        var context = new AuditContext(snapshot, options.Config, asOf, policies, options.Access);
        var checks = Select(options).ToList();

        var findings = checks.SelectMany(c => c.Run(context))
            .OrderBy(f => f.Severity).ThenBy(f => f.Check.Id, StringComparer.Ordinal).ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ToList();
        var users = snapshot.Users.Select(u => Status(context, u)).ToList();
        return new AuditReport(snapshot.AccountId, asOf, snapshot.NewestTimestamp, findings, users, checks.Select(c => c.Metadata).ToList(), snapshot.Warnings, options.AnalysisMethod);
    }

    /// <summary>The checks to run; unknown ids are an error that names the nearest valid id.</summary>
    public static IEnumerable<IAuditCheck> Select(Options options)
    {
        foreach (var id in options.OnlyChecks.Concat(options.SkipChecks))
            if (AuditChecks.Find(id) is null)
            {
                var nearest = Core.Text.FuzzyMatch.Best(id, AuditChecks.All.Select(c => c.Metadata.Id), Math.Max(3, id.Length / 3));
                throw new ConfigException($"unknown check \"{id}\"" + (nearest is null ? $"; valid checks: {string.Join(", ", AuditChecks.All.Select(c => c.Metadata.Id))}" : $"; did you mean \"{nearest}\"?"));
            }
        return AuditChecks.All.Where(c => (options.OnlyChecks.Count == 0 || options.OnlyChecks.Contains(c.Metadata.Id)) && !options.SkipChecks.Contains(c.Metadata.Id));
    }

    private static UserStatus Status(AuditContext context, IamUser user)
    {
        var mfa = user.HasConsolePassword || user.HasActiveAccessKeys
            ? ToStatus(context.AllowedWithoutMfa(user, user.HasConsolePassword ? CredentialKind.ConsoleSession : CredentialKind.AccessKeys))
            : GuardStatus.NotApplicable;
        // Console users with keys are enforced only if the access-key path is closed too.
        if (mfa == GuardStatus.Yes && user.HasConsolePassword && user.HasActiveAccessKeys)
            mfa = ToStatus(context.AllowedWithoutMfa(user, CredentialKind.AccessKeys));
        var ip = context.AllowedRanges.Count == 0 ? GuardStatus.Unknown : ToStatus(context.AllowedFromOutside(user));
        DateTimeOffset? lastUsed = null;
        if (user.Credentials is { } c)
        {
            lastUsed = c.PasswordLastUsed;
            foreach (var key in c.AccessKeys)
                if (key.LastUsed is { } used && (lastUsed is null || used > lastUsed)) lastUsed = used;
        }
        return new UserStatus(user, user.HasConsolePassword, user.HasMfa, mfa, ip,
            context.PrivilegedAccess(user).Kind == AccessAnswerKind.Found, context.IsBreakGlass(user),
            user.ActiveAccessKeys, lastUsed, user.GroupNames, context.Policies.Describe(user));
    }

    private static GuardStatus ToStatus(AccessAnswer answer) => answer.Kind switch
    {
        AccessAnswerKind.Found => GuardStatus.No,
        AccessAnswerKind.None => GuardStatus.Yes,
        _ => GuardStatus.Unknown,
    };
}
