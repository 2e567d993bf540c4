using IamHarden.Core.Policy;

namespace IamHarden.Aws.Apply;

/// <summary>
/// Whether two policy documents mean the same to IAM, so that plan does not create a new version for a document that
/// only looks different. Ignored: layout and key order, a single value versus a one-element list, the order of
/// statements and of values in a list, repeated values and statements, the case of action names and of condition keys
/// (both case-insensitive in IAM), and the informational <c>Sid</c> and <c>Id</c>. Everything else counts: effects,
/// principals, resources (case-sensitive), condition operators and values.
/// </summary>
public static class PolicyEquivalence
{
    /// <summary>True when the documents grant and deny exactly the same requests by construction.</summary>
    public static bool AreEquivalent(PolicyDocument left, PolicyDocument right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return Canonical(left).SequenceEqual(Canonical(right), StringComparer.Ordinal);
    }

    /// <summary>The document's canonical form: one sorted line per distinct statement.</summary>
    public static IReadOnlyList<string> Canonical(PolicyDocument document) =>
        document.Statements.Select(Canonical).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Prepend("Version=" + (document.Version.Text() ?? "")).ToList();

    private static string Canonical(Statement statement)
    {
        var parts = new List<string> { "Effect=" + statement.Effect };
        if (statement.Principal is { } principal)
            parts.Add((principal.IsNegated ? "NotPrincipal=" : "Principal=") + (principal.IsWildcard ? "*"
                : string.Join(",", principal.Entries.Select(e => e.Type + ":" + e.Value.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))));
        parts.Add((statement.Actions.IsNegated ? "NotAction=" : "Action=") + Set(statement.Actions.Values.Select(v => v.Value.ToLowerInvariant())));
        if (statement.Resources is { } resources)
            parts.Add((resources.IsNegated ? "NotResource=" : "Resource=") + Set(resources.Values.Select(v => v.Value)));
        // Condition blocks: one entry per operator and key; the values of one entry are a set.
        var conditions = statement.Conditions
            .GroupBy(c => c.Operator.Name + "|" + c.Key.Value.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(g => g.Key + "=" + Set(g.SelectMany(c => c.Values).Select(v => v.Value)));
        parts.Add("Condition=" + string.Join(";", conditions.Order(StringComparer.Ordinal)));
        return string.Join(" ", parts);
    }

    private static string Set(IEnumerable<string> values) =>
        "[" + string.Join(",", values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(Quote)) + "]";

    // Quoting keeps a value that contains the separators from colliding with two values.
    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
