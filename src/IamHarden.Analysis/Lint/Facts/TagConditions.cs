using IamHarden.Core.Catalog;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Facts;

/// <summary>
/// Conditions on the global tag keys (aws:ResourceTag/..., aws:RequestTag/..., aws:TagKeys) that
/// are false when the key is absent, and the services among the statement's actions none of whose
/// actions carry the key: for those actions the condition is always false. Shared by the Deny and
/// Allow rules (Access Analyzer's "... with unsupported tag condition key for service").
/// </summary>
public static class TagConditions
{
    /// <summary>For each tag condition of the statement: the services that never carry its key (empty list: all do), or null services for NotAction.</summary>
    public static IEnumerable<(Condition Condition, IReadOnlyList<string> Services)> Unsupported(StatementFacts statement, ActionCatalog catalog)
    {
        foreach (var condition in statement.Statement.Conditions)
        {
            if (!IsTagKey(condition.Key.Value) || !FalseWhenAbsent(condition.Operator)) continue;
            if (ConditionKeys.Find(catalog, condition.Key.Value) is not { } key) continue;
            if (statement.Statement.Actions.IsNegated)
            {
                // NotAction reaches every service, and many of them never carry the key.
                yield return (condition, []);
                continue;
            }
            var services = new List<string>();
            foreach (var group in statement.Actions.SelectMany(a => a.Matches).Distinct().GroupBy(a => a.Service))
            {
                if (!group.Any(a => ActionConditionSupport.Supports(a, key))) services.Add(group.Key.Prefix);
            }
            if (services.Count > 0) yield return (condition, services);
        }
    }

    /// <summary>Why the tags do not help: resource tags are on the resource, request tags on the request.</summary>
    public static string Regardless(string key) =>
        key.StartsWith("aws:ResourceTag/", StringComparison.OrdinalIgnoreCase) ? "however the resource is tagged" : "since they carry no tags in the request";

    /// <summary>"s3, sts" (at most five named).</summary>
    public static string Describe(IReadOnlyList<string> services) =>
        string.Join(", ", services.Take(5)) + (services.Count > 5 ? $" and {services.Count - 5} more" : "");

    private static bool IsTagKey(string key) =>
        key.StartsWith("aws:ResourceTag/", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("aws:RequestTag/", StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, "aws:TagKeys", StringComparison.OrdinalIgnoreCase);

    /// <summary>Operators for which an absent key makes the condition false (so an unsupported key means "never").</summary>
    private static bool FalseWhenAbsent(ConditionOperator op) =>
        !op.IfExists && !op.IsNegated && op.Kind != ConditionOperatorKind.Null && op.Qualifier != SetQualifier.ForAllValues;
}
