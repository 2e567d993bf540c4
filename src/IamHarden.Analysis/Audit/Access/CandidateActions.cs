using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using IamHarden.Analysis.Guardrails;
using IamHarden.Core.Catalog;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Audit.Access;

/// <summary>
/// The catalog actions a policy set can tell apart: actions that every action pattern of the set
/// either matches or not in the same way are decided alike, so one representative per class is
/// enough. Well-known services come first (their actions make clearer examples), then the rest,
/// then one "future action" per service the policies name and one of an unknown service.
/// Computed once per policy set, when first needed, and shared by every user holding it — and by
/// every set with the same policies or the same action patterns.
/// </summary>
internal sealed class CandidateActions
{
    private static readonly string[] PreferredServices =
        ["iam", "s3", "ec2", "sts", "lambda", "dynamodb", "cloudformation", "kms", "rds", "cloudtrail", "logs", "sqs", "sns", "secretsmanager", "ssm", "organizations"];

    /// <summary>Actions everybody recognises; counterexamples read best with them.</summary>
    private static readonly string[] PreferredActions =
    [
        "s3:GetObject", "s3:PutObject", "ec2:DescribeInstances", "ec2:RunInstances", "iam:CreateUser", "iam:CreateAccessKey",
        "iam:AttachUserPolicy", "iam:PutUserPolicy", "iam:CreatePolicyVersion", "iam:ListUsers", "lambda:InvokeFunction",
        "dynamodb:GetItem", "sts:AssumeRole", "cloudtrail:StopLogging", "kms:Decrypt", "secretsmanager:GetSecretValue",
    ];

    /// <summary>The whole catalog in preferred order (well-known actions, then well-known services, then the rest; stable).</summary>
    private static readonly ImmutableArray<ActionDefinition> Ordered = InPreferredOrder(ActionCatalog.Default.AllActions);

    private static ImmutableArray<ActionDefinition> InPreferredOrder(ImmutableArray<ActionDefinition> actions)
    {
        // Looked up by object and prefix, not by full name: the 20,000-odd names are never built for this.
        var preferredAction = new Dictionary<ActionDefinition, int>(ReferenceEqualityComparer.Instance);
        for (int k = 0; k < PreferredActions.Length; k++)
            if (ActionCatalog.Default.FindAction(PreferredActions[k]) is { } found) preferredAction.TryAdd(found, k);
        var preferredService = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < PreferredServices.Length; i++) preferredService.TryAdd(PreferredServices[i], i);
        // Sort keys: preferred action, then preferred service, then catalog order (a stable sort).
        var keys = new long[actions.Length];
        var items = actions.ToArray();
        for (int n = 0; n < items.Length; n++)
        {
            long k = preferredAction.TryGetValue(items[n], out var a) ? a : PreferredActions.Length;
            long i = preferredService.TryGetValue(items[n].Service.Prefix, out var b) ? b : PreferredServices.Length;
            keys[n] = (k * (PreferredServices.Length + 1) + i) * items.Length + n;
        }
        Array.Sort(keys, items);
        return ImmutableArray.Create(items);
    }

    /// <summary>Each action's position in <see cref="Ordered"/>.</summary>
    private static readonly Dictionary<ActionDefinition, int> Rank = RankOf(Ordered);

    /// <summary>Positions (ascending) of the IAM actions that grant privileges: the "is an administrator" question's universe.</summary>
    private static readonly int[] PrivilegeGrantingRanks = Enumerable.Range(0, Ordered.Length).Where(i => IsPrivilegeGranting(Ordered[i])).ToArray();
    private static readonly HashSet<int> PrivilegeGrantingSet = [.. PrivilegeGrantingRanks];

    /// <summary>Each pattern's matching catalog actions, as ranks (cached: policy sets share most patterns).</summary>
    private static readonly ConcurrentDictionary<string, int[]> Expansions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Patterns by id (case-insensitive, as IAM matches actions), with the service prefix of literal
    /// ones and their expansions (all ranks; the privilege-granting ranks among them).
    /// </summary>
    private static readonly Dictionary<string, int> PatternIds = new(StringComparer.OrdinalIgnoreCase);
    private static readonly List<string> PatternTexts = [];
    private static readonly List<string?> PatternServices = [];
    private static readonly List<int[]> PatternExpansions = [];
    private static readonly List<int[]> PatternPrivilegeExpansions = [];

    /// <summary>Each compiled policy's action patterns, as ids (distinct, sorted), and a short key naming the policy.</summary>
    private static readonly ConditionalWeakTable<CompiledPolicy, PolicyPatterns> PatternsOfPolicy = new();
    private static int _policyKeys;

    /// <summary>
    /// The classes depend only on the set's action patterns, and many policy sets share them (the
    /// same managed policies in other combinations, or policies differing only in resources): they
    /// are kept by the identities of the set's policies, and by the patterns themselves.
    /// </summary>
    private static readonly ConcurrentDictionary<string, Classes> ClassesByPolicies = new(StringComparer.Ordinal);
    private static readonly Dictionary<ulong, List<Classes>> ClassesByPatterns = [];
    private static readonly ConcurrentDictionary<string, List<string>> PrivilegeByPatterns = new(StringComparer.Ordinal);

    /// <summary>The enrolment actions, which the questions exempt by name: each gets a class of its own (see the constructor).</summary>
    private static readonly int[] EnrollmentPatternIds = EnrollmentActions.Recommended.Concat(EnrollmentActions.Guide).Select(PatternId).Distinct().ToArray();

    /// <summary>A policy's pattern ids, and those among them that match privilege-granting actions (usually few or none).</summary>
    private sealed record PolicyPatterns(string Key, int[] Patterns, int[] PrivilegePatterns);

    /// <summary>The classes of one set of patterns (ids sorted): one action per class, and the future-action probes.</summary>
    private sealed record Classes(int[] PatternIds, List<string> All, List<string> FutureActions);

    // Made when first needed (plain fields, not Lazy: thousands of sets are alive during an audit;
    // a race makes the same value twice, and the shared tables keep the first).
    private readonly PolicySet _policies;
    private SetPatterns? _patterns;
    private Classes? _classes;
    private List<string>? _privilegeGranting;

    public CandidateActions(PolicySet policies)
    {
        _policies = policies;
        Statements = Documents(policies).SelectMany(d => d.Statements).ToList();
        Gate = new ActionGate(policies);
        ResourcesReadRequestKeys = Statements.Any(s => s.Resources is { } r && r.Values.Any(v => ReadsRequestKeys(v.Value)));
    }

    /// <summary>The set's policies' patterns, and a key naming those policies.</summary>
    private sealed record SetPatterns(string Key, List<PolicyPatterns> Patterns);

    private SetPatterns PatternsOfSet()
    {
        if (_patterns is { } known) return known;
        var patterns = Policies(_policies).Select(p => PatternsOfPolicy.GetValue(p, Patterns)).ToList();
        return _patterns = new SetPatterns(string.Join(",", patterns.Select(p => p.Key).Order(StringComparer.Ordinal)), patterns);
    }

    // The questions exempt the enrolment actions by name. Each gets a class of its own, so that
    // an exempt action is never the only representative of a class holding non-exempt ones
    // ("iam:*MFADevice" covers iam:EnableMFADevice and iam:DeactivateMFADevice alike).
    private Classes ClassesOfSet() =>
        _classes ??= ClassesByPolicies.GetOrAdd(PatternsOfSet().Key, _ => ClassesOfPatterns(MergedIds(PatternsOfSet().Patterns)));

    /// <summary>
    /// True when a resource pattern uses a policy variable other than the caller's identity
    /// (aws:username, aws:userid, aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalTag/…):
    /// whether a resource matches then depends on the request's keys, so it cannot be judged
    /// without them.
    /// </summary>
    public bool ResourcesReadRequestKeys { get; }

    private static readonly string[] IdentityVariables = ["${aws:username}", "${aws:userid}", "${aws:principalarn}", "${aws:principalaccount}", "${*}", "${?}", "${$}"];

    private static bool ReadsRequestKeys(string resource)
    {
        if (!resource.Contains("${", StringComparison.Ordinal)) return false;
        var text = resource.ToLowerInvariant();
        foreach (var known in IdentityVariables) text = text.Replace(known, "");
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\$\{aws:principaltag/[^}]*\}", "");
        return text.Contains("${", StringComparison.Ordinal);
    }

    /// <summary>Whether an action can be allowed at all (the search skips the ones that cannot).</summary>
    public ActionGate Gate { get; }

    /// <summary>Every statement of the set (identity, boundary, SCPs).</summary>
    public IReadOnlyList<Statement> Statements { get; }

    // By the set's identity: the questions pass the same few sets of keys for every user.
    private Dictionary<IReadOnlySet<string>, PolicySet?>? _denials;

    /// <summary>
    /// The set's Deny statements on every resource whose conditions read only <paramref name="fixedKeys"/>
    /// and use no variables, compiled as one policy: whether they deny an action depends on the
    /// action and the fixed keys alone. Null when the set has none.
    /// </summary>
    public PolicySet? FixedKeyDenial(IReadOnlySet<string> fixedKeys)
    {
        lock (Statements)
        {
            _denials ??= new(ReferenceEqualityComparer.Instance);
            if (_denials.TryGetValue(fixedKeys, out var known)) return known;
            var denies = Statements.Where(s => s.Effect == Effect.Deny && s.Resources is { IsNegated: false } r && r.ContainsWildcardOnly
                && s.Conditions.All(c => fixedKeys.Contains(c.Key.Value) && !c.Values.Any(v => v.Value.Contains("${", StringComparison.Ordinal)))).ToList();
            // Each statement compiled on its own (shared across sets): an explicit deny by any of them is the same decision.
            PolicySet? denial = denies.Count == 0 ? null : PolicySet.OfIdentity([.. denies.Select(StatementAlone.Of)]);
            return _denials[fixedKeys] = denial;
        }
    }

    private Dictionary<string, IReadOnlyList<IpRange>>? _ranges;
    private IReadOnlyList<string>? _addresses;

    /// <summary>The ranges of every IpAddress/NotIpAddress condition on <paramref name="key"/> (the same for every user of the set).</summary>
    public IReadOnlyList<IpRange> RangesNamedByPolicies(string key)
    {
        lock (Statements)
        {
            _ranges ??= new(StringComparer.OrdinalIgnoreCase);
            if (_ranges.TryGetValue(key, out var known)) return known;
            List<IpRange>? ranges = null;
            foreach (var statement in Statements)
                foreach (var condition in statement.Conditions)
                {
                    if (condition.Operator.Family != ConditionFamily.IpAddress || !condition.Key.Value.Equals(key, StringComparison.OrdinalIgnoreCase)) continue;
                    foreach (var value in condition.Values)
                        if (IpRange.TryParse(value.Value, out var range)) (ranges ??= []).Add(range);
                }
            return _ranges[key] = ranges is null ? [] : ranges.ToArray();
        }
    }

    /// <summary>An address inside each aws:SourceIp range the policies name (for "from an approved network").</summary>
    public IReadOnlyList<string> AddressesNamedByPolicies() =>
        _addresses ??= RangesNamedByPolicies("aws:SourceIp").Select(r => r.Network.BaseAddress.ToString()).Distinct().ToArray();

    // Whether the gate lets an action through depends on the caller only through Principal
    // elements, which identity policies, boundaries and SCPs do not have: then it is worked out
    // once for the set, not for each user.
    private bool? _gateReadsPrincipal;
    private string[]? _allowable, _allowablePrivilegeGranting;

    private bool GateReadsPrincipal => _gateReadsPrincipal ??= Statements.Any(s => s.Principal is not null);

    /// <summary>The representatives and probes (<see cref="All"/>) that some request of <paramref name="principal"/> could be allowed.</summary>
    public IEnumerable<string> AllowableActions(PrincipalIdentity principal) => GateReadsPrincipal
        ? All.Where(a => Gate.MayBeAllowed(principal, a))
        : _allowable ??= [.. All.Where(a => Gate.MayBeAllowed(principal, a))];

    /// <summary>The privilege-granting representatives (<see cref="PrivilegeGranting"/>) that some request of <paramref name="principal"/> could be allowed.</summary>
    public IEnumerable<string> AllowablePrivilegeGranting(PrincipalIdentity principal) => GateReadsPrincipal
        ? PrivilegeGranting.Where(a => Gate.MayBeAllowed(principal, a))
        : _allowablePrivilegeGranting ??= [.. PrivilegeGranting.Where(a => Gate.MayBeAllowed(principal, a))];

    /// <summary>One action per class, then the future-action probes.</summary>
    public IEnumerable<string> All => ClassesOfSet().All.Concat(ClassesOfSet().FutureActions);

    /// <summary>One IAM permissions-management action per class (what makes a user an administrator).</summary>
    public IReadOnlyList<string> PrivilegeGranting
    {
        get
        {
            if (_privilegeGranting is { } known) return known;
            var ids = PatternsOfSet().Patterns.SelectMany(p => p.PrivilegePatterns).Distinct().Order().ToArray();
            return _privilegeGranting = PrivilegeByPatterns.GetOrAdd(string.Join(",", ids), _ => PrivilegeRepresentatives(ids));
        }
    }

    /// <summary>IAM actions that change who may do what (permissions management): whoever may call one can make themselves an administrator.</summary>
    public static bool IsPrivilegeGranting(ActionDefinition action) => action.Service.Prefix == "iam" && action.AccessLevel == AccessLevel.PermissionsManagement;

    /// <summary>
    /// True when <paramref name="statement"/>'s Action or NotAction element matches every action
    /// not in <paramref name="exempt"/> — catalog actions and unknown future ones alike: an Action
    /// list with "*", or a NotAction list of exempt action names (without wildcards, which would
    /// also exempt future actions that match them).
    /// </summary>
    public static bool CoversEveryActionExcept(Statement statement, IReadOnlySet<string> exempt)
    {
        var values = statement.Actions.Values.Select(v => v.Value).ToList();
        if (!statement.Actions.IsNegated) return values.Any(v => v.Trim('*').Length == 0);
        return values.All(v => !v.Contains('*') && !v.Contains('?') && Expansion(v).All(rank => exempt.Contains(Ordered[rank].FullName)));
    }

    /// <summary>The distinct pattern ids of the set (and the enrolment actions), sorted, with a hash of them.</summary>
    private static (int[] Ids, ulong Hash) MergedIds(List<PolicyPatterns> patterns)
    {
        var ids = patterns.SelectMany(p => p.Patterns).Concat(EnrollmentPatternIds).ToArray();
        Array.Sort(ids);
        int unique = 0;
        ulong hash = 14695981039346656037UL; // FNV-1a
        for (int i = 0; i < ids.Length; i++)
            if (i == 0 || ids[i] != ids[i - 1]) { ids[unique++] = ids[i]; hash = (hash ^ (uint)ids[i]) * 1099511628211UL; }
        return (ids.AsSpan(0, unique).ToArray(), hash);
    }

    private static Classes ClassesOfPatterns((int[] Ids, ulong Hash) merged)
    {
        lock (ClassesByPatterns)
        {
            if (!ClassesByPatterns.TryGetValue(merged.Hash, out var known)) ClassesByPatterns[merged.Hash] = known = [];
            foreach (var classes in known) if (classes.PatternIds.AsSpan().SequenceEqual(merged.Ids)) return classes;
            List<int[]> expansions;
            var services = new SortedSet<string>(StringComparer.Ordinal);
            lock (PatternIds)
            {
                expansions = merged.Ids.Select(id => PatternExpansions[id]).ToList();
                foreach (var id in merged.Ids) if (PatternServices[id] is { } service) services.Add(service);
            }
            var future = services.Select(s => s + ":IamHardenFutureAction").Append("iamhardenfuture:FutureAction").ToList();
            var result = new Classes(merged.Ids, Representatives(expansions), future);
            known.Add(result);
            return result;
        }
    }

    /// <summary>
    /// One action per class (the set of patterns that match it), first in preferred order. Patterns
    /// refine the classes one after the other (partition refinement); only actions some pattern
    /// matches are visited, plus the first action no pattern matches, so the cost is the size of
    /// the patterns' expansions.
    /// </summary>
    private static List<string> Representatives(IReadOnlyList<int[]> expansions)
    {
        // Scratch arrays, one set per thread: the class of each rank (0 = matched by no pattern so far).
        var signature = _signature ??= new int[Ordered.Length];
        var touched = _touched ??= [];
        touched.Clear();
        int classes = 1;
        int[] movedStamp = new int[64], movedTo = new int[64];
        int stamp = 0;
        foreach (var expansion in expansions)
        {
            // Every action of class c that this pattern matches moves to the same new class.
            stamp++;
            foreach (var rank in expansion)
            {
                int current = signature[rank];
                if (current == 0) touched.Add(rank);
                if (current >= movedStamp.Length)
                {
                    Array.Resize(ref movedStamp, Math.Max(current + 1, movedStamp.Length * 2));
                    Array.Resize(ref movedTo, movedStamp.Length);
                }
                if (movedStamp[current] != stamp) { movedStamp[current] = stamp; movedTo[current] = classes++; }
                signature[rank] = movedTo[current];
            }
        }
        var first = new int[classes];
        Array.Fill(first, int.MaxValue);
        foreach (var rank in touched)
            if (rank < first[signature[rank]]) first[signature[rank]] = rank;
        int unmatched = 0;
        while (unmatched < Ordered.Length && signature[unmatched] != 0) unmatched++;
        if (unmatched < Ordered.Length) first[0] = unmatched;
        foreach (var rank in touched) signature[rank] = 0;
        return first.Where(r => r != int.MaxValue).Order().Select(r => Ordered[r].FullName).ToList();
    }

    [ThreadStatic] private static int[]? _signature;
    [ThreadStatic] private static List<int>? _touched;

    /// <summary>
    /// One action per class among the privilege-granting IAM actions only (a few dozen): the
    /// refinement over their part of each expansion. Patterns that match none of them cannot split
    /// these classes, so only the others are given.
    /// </summary>
    private static List<string> PrivilegeRepresentatives(int[] ids)
    {
        List<int[]> expansions;
        lock (PatternIds) expansions = ids.Select(id => PatternPrivilegeExpansions[id]).ToList();
        var signature = new Dictionary<int, int>();
        int classes = 1;
        var moved = new Dictionary<int, int>();
        foreach (var expansion in expansions)
        {
            moved.Clear();
            foreach (var rank in expansion)
            {
                signature.TryGetValue(rank, out var current);
                if (!moved.TryGetValue(current, out var to)) moved[current] = to = classes++;
                signature[rank] = to;
            }
        }
        var first = new Dictionary<int, int>();
        foreach (var rank in PrivilegeGrantingRanks) first.TryAdd(signature.GetValueOrDefault(rank), rank);
        return first.Values.Order().Select(r => Ordered[r].FullName).ToList();
    }

    private static int PatternId(string pattern)
    {
        lock (PatternIds)
        {
            if (PatternIds.TryGetValue(pattern, out var id)) return id;
            PatternIds[pattern] = id = PatternTexts.Count;
            PatternTexts.Add(pattern);
            var service = pattern.Split(':')[0].ToLowerInvariant();
            PatternServices.Add(service.Length > 0 && !service.Contains('*') && !service.Contains('?') ? service : null);
            var expansion = Expansion(pattern);
            PatternExpansions.Add(expansion);
            PatternPrivilegeExpansions.Add(expansion.Where(PrivilegeGrantingSet.Contains).ToArray());
            return id;
        }
    }

    private static PolicyPatterns Patterns(CompiledPolicy policy)
    {
        var ids = policy.Document.Statements.SelectMany(s => s.Actions.Values.Select(v => PatternId(v.Value))).Distinct().Order().ToArray();
        int[] privilege;
        lock (PatternIds) privilege = ids.Where(id => PatternPrivilegeExpansions[id].Length > 0).ToArray();
        return new PolicyPatterns("p" + Interlocked.Increment(ref _policyKeys), ids, privilege);
    }

    private static Dictionary<ActionDefinition, int> RankOf(ImmutableArray<ActionDefinition> ordered)
    {
        var rank = new Dictionary<ActionDefinition, int>(ordered.Length, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < ordered.Length; i++) rank[ordered[i]] = i;
        return rank;
    }

    private static int[] Expansion(string pattern) =>
        Expansions.GetOrAdd(pattern, p => ActionCatalog.Default.Expand(p).Select(a => Rank[a]).ToArray());

    private static IEnumerable<PolicyDocument> Documents(PolicySet policies) => Policies(policies).Select(p => p.Document);

    private static IEnumerable<CompiledPolicy> Policies(PolicySet policies)
    {
        foreach (var p in policies.Identity) yield return p;
        if (policies.PermissionsBoundary is { } b) yield return b;
        foreach (var level in policies.ServiceControlPolicyLevels) foreach (var p in level) yield return p;
    }
}
