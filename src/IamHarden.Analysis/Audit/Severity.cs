namespace IamHarden.Analysis.Audit;

/// <summary>How urgent a finding is. Ordered from most to least severe.</summary>
public enum Severity { Critical, High, Medium, Low, Info }

public static class SeverityExtensions
{
    public static string Name(this Severity severity) => severity.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out Severity severity)
    {
        foreach (var candidate in Enum.GetValues<Severity>())
        {
            if (candidate.Name() == text.ToLowerInvariant()) { severity = candidate; return true; }
        }
        severity = Severity.Info;
        return false;
    }

    /// <summary>True when <paramref name="severity"/> is at least as severe as <paramref name="threshold"/>.</summary>
    public static bool IsAtLeast(this Severity severity, Severity threshold) => severity <= threshold;
}
