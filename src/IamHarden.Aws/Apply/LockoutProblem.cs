namespace IamHarden.Aws.Apply;

/// <summary>A reason the lockout guard refuses to apply, with a stable code and a message that says what to do.</summary>
/// <param name="Code">no-break-glass, break-glass-unusable, break-glass-restricted, enrolment-blocked, caller-ip-unknown,
/// caller-ip-outside, caller-cut-off, caller-without-mfa-device.</param>
/// <param name="Message">What would happen and how to avoid it.</param>
public sealed record LockoutProblem(string Code, string Message);

/// <summary>
/// The lockout guard's verdict: the changes in the order they are to be made (the caller's own restriction last), the
/// problems that make apply refuse (unless the user accepts the risk), and notices worth reading either way.
/// </summary>
public sealed record LockoutVerdict(
    IReadOnlyList<PlannedChange> Changes,
    IReadOnlyList<LockoutProblem> Problems,
    IReadOnlyList<string> Notices,
    bool CallerRestrictedByLastChange)
{
    /// <summary>True when nothing stands in the way.</summary>
    public bool IsSafe => Problems.Count == 0;
}
