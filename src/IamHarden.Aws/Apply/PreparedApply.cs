namespace IamHarden.Aws.Apply;

/// <summary>
/// Everything plan shows and apply acts on: the desired and current state, the caller, and the lockout guard's
/// verdict, whose <see cref="LockoutVerdict.Changes"/> are the changes in the order they will be made, each with the
/// users it affects.
/// </summary>
public sealed record PreparedApply(DesiredState Desired, AccountState State, CallerContext Caller, LockoutVerdict Verdict)
{
    /// <summary>The changes in order.</summary>
    public IReadOnlyList<PlannedChange> Changes => Verdict.Changes;

    /// <summary>True when the account is already in the desired state.</summary>
    public bool IsEmpty => Changes.Count == 0;

    /// <summary>
    /// Reads the account, plans, finds out about the caller (credential kind; source address from
    /// <paramref name="callerIp"/>, or detected when it matters; an MFA session when <paramref name="mfaSession"/> says so)
    /// and runs the lockout guard (with the account's SCPs when given: AWS does not let a member account read them). Throws
    /// <see cref="IamHarden.Analysis.Configuration.ConfigException"/> for a configuration the account contradicts
    /// (groups it lacks, a policy name in use at another path), <see cref="CallerCredentialsException"/> for --mfa-session
    /// with long-term keys, and <see cref="AwsException"/> when AWS cannot be read.
    /// </summary>
    public static async Task<PreparedApply> PrepareAsync(AwsSession session, DesiredState desired, System.Net.IPAddress? callerIp,
        CallerIpDetector? detector, CancellationToken cancellationToken, IReadOnlyList<IamHarden.Core.Evaluation.CompiledPolicy>? serviceControlPolicies = null,
        bool mfaSession = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        var state = await AccountStateReader.ReadAsync(session, desired, cancellationToken).ConfigureAwait(false);
        var changes = ApplyPlanner.Plan(desired, state);
        var guard = new LockoutGuard(desired, state, state.ReadAt, serviceControlPolicies: serviceControlPolicies);

        var keys = await session.Credentials.Credentials.GetCredentialsAsync().ConfigureAwait(false);
        var kind = CallerContext.KindOf(keys.AccessKey ?? "", keys.UseToken);
        if (mfaSession)
        {
            // Only a session can carry MFA: long-term keys never do, whatever the user believes.
            if (kind == CallerCredentialKind.LongTermKeys)
                throw new CallerCredentialsException("--mfa-session: your credentials are long-term access keys, which never carry MFA; " +
                    "make an MFA session (aws sts get-session-token --serial-number <your MFA device ARN> --token-code <code>) and use its credentials");
            kind = CallerCredentialKind.MfaSession;
        }
        string origin = "given with --caller-ip";
        if (callerIp is null)
        {
            if (guard.NeedsCallerIp(changes) && detector is not null)
                (callerIp, origin) = await detector.DetectAsync(cancellationToken).ConfigureAwait(false);
            else origin = "not needed: the IP restriction does not apply to you";
        }
        var caller = new CallerContext(state.Caller, kind, callerIp, origin);
        return new PreparedApply(desired, state, caller, guard.Check(changes, caller));
    }
}
