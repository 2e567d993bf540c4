using IamHarden.Analysis.Guardrails;
using IamHarden.Core.Catalog;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Audit.Access;

/// <summary>
/// The catalog actions a policy set can tell apart: actions that every action pattern of the set
/// either matches or not in the same way are decided alike, so one representative per class is
/// enough. Well-known services come first (their actions make clearer examples), then the rest,
/// then one "future action" per service the policies name and one of an unknown service.
/// Computed once per policy set and shared by every user holding it.
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

    private readonly List<ActionDefinition> _representatives = [];
    private readonly List<string> _futureActions = [];
    private readonly List<string> _splittingPatterns;

    public CandidateActions(PolicySet policies)
    {
        Statements = Documents(policies).SelectMany(d => d.Statements).ToList();
        var patterns = Statements.SelectMany(s => s.Actions.Values.Select(v => v.Value)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // The questions exempt the enrolment actions by name. Each gets a class of its own, so that
        // an exempt action is never the only representative of a class holding non-exempt ones
        // ("iam:*MFADevice" covers iam:EnableMFADevice and iam:DeactivateMFADevice alike).
        _splittingPatterns = patterns.Concat(EnrollmentActions.Recommended).Concat(EnrollmentActions.Guide).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var action in Representatives(_splittingPatterns, ActionCatalog.Default.AllActions)) _representatives.Add(action);
        foreach (var service in patterns.Select(p => p.Split(':')[0]).Where(s => s.Length > 0 && !s.Contains('*') && !s.Contains('?')).Distinct(StringComparer.OrdinalIgnoreCase))
            _futureActions.Add(service + ":IamHardenFutureAction");
        _futureActions.Add("iamhardenfuture:FutureAction");
    }

    /// <summary>
    /// One action per signature (the set of patterns that match it), in preferred order. Patterns
    /// are expanded through the catalog's index (cached across policy sets, which share most
    /// patterns), so the cost is the size of the expansions, not actions × patterns.
    /// </summary>
    private static IEnumerable<ActionDefinition> Representatives(IReadOnlyList<string> patterns, IEnumerable<ActionDefinition> universe)
    {
        var signatures = new Dictionary<ActionDefinition, List<int>>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < patterns.Count; i++)
            foreach (var action in Expansion(patterns[i]))
            {
                if (!signatures.TryGetValue(action, out var list)) signatures[action] = list = [];
                list.Add(i);
            }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in Ordered(universe))
        {
            var key = signatures.TryGetValue(action, out var ids) ? string.Join(',', ids) : "";
            if (seen.Add(key)) yield return action;
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Immutable.ImmutableArray<ActionDefinition>> Expansions =
        new(StringComparer.OrdinalIgnoreCase);

    private static System.Collections.Immutable.ImmutableArray<ActionDefinition> Expansion(string pattern) =>
        Expansions.GetOrAdd(pattern, p => ActionCatalog.Default.Expand(p));

    /// <summary>Every statement of the set (identity, boundary, SCPs).</summary>
    public IReadOnlyList<Statement> Statements { get; }

    /// <summary>One action per class, then the future-action probes.</summary>
    public IEnumerable<string> All => _representatives.Select(a => a.FullName).Concat(_futureActions);

    /// <summary>
    /// Catalog actions passing <paramref name="filter"/>, one per class among them. (A filter can
    /// split a class, so this walks the catalog again rather than filtering the representatives.)
    /// </summary>
    public IEnumerable<string> Where(Func<ActionDefinition, bool> filter) =>
        Representatives(_splittingPatterns, ActionCatalog.Default.AllActions.Where(filter)).Select(a => a.FullName);

    /// <summary>Well-known actions first, then well-known services, then the rest (stable: catalog order within a rank).</summary>
    private static IEnumerable<ActionDefinition> Ordered(IEnumerable<ActionDefinition> actions) =>
        actions.OrderBy(a => Array.IndexOf(PreferredActions, a.FullName) is var k and >= 0 ? k : PreferredActions.Length)
            .ThenBy(a => Array.IndexOf(PreferredServices, a.Service.Prefix) is var i and >= 0 ? i : PreferredServices.Length);

    private static IEnumerable<PolicyDocument> Documents(PolicySet policies)
    {
        foreach (var p in policies.Identity) yield return p.Document;
        if (policies.PermissionsBoundary is { } b) yield return b.Document;
        foreach (var level in policies.ServiceControlPolicyLevels) foreach (var p in level) yield return p.Document;
    }
}
