namespace IamHarden.Analysis.Replay;

/// <summary>Which events a replay decides.</summary>
public sealed record ReplayOptions
{
    /// <summary>Decide calls made by IAM users (what the guide's group policies reach).</summary>
    public bool IncludeUsers { get; init; } = true;
    /// <summary>Decide calls made by role sessions and federated users too.</summary>
    public bool IncludeRoles { get; init; }
    /// <summary>Only events at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }
    /// <summary>Only events before this time.</summary>
    public DateTimeOffset? Until { get; init; }
}
