using System.Text.RegularExpressions;

namespace IamHarden.Analysis.Lint.Facts;

/// <summary>IAM unique IDs (AIDA... for users, AROA... for roles) written where an ARN belongs.</summary>
public static partial class PrincipalIds
{
    /// <summary>"AROA" or "AIDA" followed by the rest of a unique ID (IAM User Guide, "Unique identifiers").</summary>
    public static bool IsUniqueId(string value, string prefix) => UniqueId().IsMatch(value) && value.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>Reports each AWS principal value that is a unique ID with <paramref name="prefix"/> (a <paramref name="kind"/>: "role", "user").</summary>
    public static void Report(LintContext context, LintRuleInfo rule, string prefix, string kind)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var (entry, path, _) in PrincipalValues.Of(statement))
            {
                if (entry.Type != IamHarden.Core.Policy.PrincipalType.AWS || !IsUniqueId(entry.Value.Value, prefix)) continue;
                context.Report(rule, entry.Value.Span, path,
                    $"\"{entry.Value.Value}\" is a {kind}'s unique ID, not its ARN: the policy applies to that {kind} only as long as it is not deleted and created again",
                    $"write the {kind}'s ARN, arn:aws:iam::ACCOUNT-ID:{kind}/NAME");
            }
        }
    }

    [GeneratedRegex("^A[A-Z]{3}[A-Z0-9]{12,28}$")]
    private static partial Regex UniqueId();
}
