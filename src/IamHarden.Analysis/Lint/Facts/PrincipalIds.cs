using System.Text.RegularExpressions;

namespace IamHarden.Analysis.Lint.Facts;

/// <summary>IAM unique IDs (AIDA... for users, AROA... for roles) written where an ARN belongs.</summary>
public static partial class PrincipalIds
{
    /// <summary>"AROA" or "AIDA" followed by the rest of a unique ID (IAM User Guide, "Unique identifiers").</summary>
    public static bool IsUniqueId(string value, string prefix) => UniqueId().IsMatch(value) && value.StartsWith(prefix, StringComparison.Ordinal);

    [GeneratedRegex("^A[A-Z]{3}[A-Z0-9]{12,28}$")]
    private static partial Regex UniqueId();
}
