using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Audit;

/// <summary>
/// A request that shows a gap: the user can do this although the guide says they must not
/// (e.g. without MFA, or from outside the approved networks). It is a concrete, replayable request.
/// </summary>
public sealed record Counterexample(AuthorizationRequest Request, string Explanation, bool Proven)
{
    /// <summary>The context keys that were deliberately absent from the request (absence matters).</summary>
    public IReadOnlyList<string> AbsentKeys { get; init; } = [];

    /// <summary>The snapshot user whose effective policies decide the request (null when it tests one policy on its own).</summary>
    public string? UserName { get; init; }
}

/// <summary>One problem found by a check, about one subject (a user, group, managed policy or the account).</summary>
public sealed record Finding
{
    public required CheckMetadata Check { get; init; }
    /// <summary>The ARN of the user, group or managed policy the finding is about, or the account root ARN.</summary>
    public required string Subject { get; init; }
    public required LocalizedText Message { get; init; }
    public Severity Severity => SeverityOverride ?? Check.Severity;
    public Severity? SeverityOverride { get; init; }
    public Counterexample? Counterexample { get; init; }
    /// <summary>A subject-specific fix (e.g. the exact CLI command with the user's name) when the check's generic one is not enough.</summary>
    public string? FixCommand { get; init; }
}
