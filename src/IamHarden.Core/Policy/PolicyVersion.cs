namespace IamHarden.Core.Policy;

/// <summary>The policy language version. Only 2012-10-17 substitutes policy variables.</summary>
public enum PolicyVersion
{
    /// <summary>No Version element: accepted, with 2008-10-17 semantics (variables are literal text).</summary>
    Missing,
    V2008_10_17,
    V2012_10_17,
}

public static class PolicyVersionExtensions
{
    public static bool SubstitutesVariables(this PolicyVersion version) => version == PolicyVersion.V2012_10_17;

    public static string? Text(this PolicyVersion version) => version switch
    {
        PolicyVersion.V2008_10_17 => "2008-10-17",
        PolicyVersion.V2012_10_17 => "2012-10-17",
        _ => null,
    };
}
