using System.Globalization;
using System.Net;
using IamHarden.Analysis.Audit;
using IamHarden.Analysis.Audit.Access;
using IamHarden.Analysis.Guardrails;
using IamHarden.Core.Evaluation;
using Snapshot = IamHarden.Analysis.Snapshot;

namespace IamHarden.Aws.Apply;

/// <summary>
/// The guide's section 5 ("confirm your own IP before applying the IP policy; plan for VPN failure") as checks made
/// before anything changes, each by evaluating the users' effective policies after the changes with the evaluator:
/// <list type="bullet">
/// <item>a configured break-glass user exists, has MFA, and can still undo the guardrails from outside every approved
/// network (so a VPN failure does not lock everyone out);</item>
/// <item>no change IP-restricts a break-glass user, or MFA-restricts one without MFA;</item>
/// <item>every user the changes put under the MFA policy can still enrol a device without MFA (the audit's
/// <see cref="IAccessAnalyzer.EnrollmentDenied"/> question);</item>
/// <item>the caller, when the changes IP-restrict it, calls from an address the policy lets through;</item>
/// <item>the caller, when the MFA policy would deny its own requests (long-term keys carry no MFA), is restricted only by
/// the last change, so apply can finish and anything before can be rolled back; it must have an MFA device to carry
/// on with an MFA session.</item>
/// </list>
/// </summary>
public sealed class LockoutGuard
{
    /// <summary>Public addresses nobody's office uses (example.com, an AWS range, an IPv6 CDN address).</summary>
    private static readonly string[] OutsideCandidates = ["93.184.216.34", "52.94.236.248", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"];

    /// <summary>An address used for the caller when its own is unknown and does not matter (no IP policy applies to it).</summary>
    private const string NeutralAddress = "192.0.2.10";

    private readonly DesiredState _desired;
    private readonly AccountState _state;
    private readonly DateTimeOffset _now;
    private readonly IAccessAnalyzer _access;

    /// <summary>The SCPs that apply to the account (one level), as the user gave them: every user's access is judged with them.</summary>
    private readonly IReadOnlyList<CompiledPolicy> _scps;

    public LockoutGuard(DesiredState desired, AccountState state, DateTimeOffset now, IAccessAnalyzer? access = null,
        IReadOnlyList<CompiledPolicy>? serviceControlPolicies = null)
    {
        _desired = desired;
        _state = state;
        _now = now;
        _access = access ?? new SearchAccessAnalyzer(now);
        _scps = serviceControlPolicies ?? [];
    }

    /// <summary>True when the caller is a user who would hold the IP restriction after the changes, so its address matters.</summary>
    public bool NeedsCallerIp(IReadOnlyList<PlannedChange> changes) =>
        _state.CallerUser is { } user && _desired.Find(GuardrailKind.IpRestriction) is { } ip &&
        AccountProjection.Of(_state.Snapshot).WithAll(changes).Holds(user, Arn(ip));

    /// <summary>Checks the changes (in the planner's order) and returns them in a safe order with the problems found.</summary>
    public LockoutVerdict Check(IReadOnlyList<PlannedChange> changes, CallerContext caller)
    {
        var problems = new List<LockoutProblem>();
        var notices = new List<string>();
        var start = AccountProjection.Of(_state.Snapshot);
        var final = start.WithAll(changes);
        var annotated = ChangeImpact.Annotate(changes, _state.Snapshot);

        // Said, so that a plan shows what its verdict rests on.
        if (_scps.Count > 0) notices.Add($"judged with the service control policies given (--scp): {string.Join(", ", _scps.Select(p => p.Name))}");
        CheckBreakGlass(annotated, start, final, problems, notices);
        CheckEnrolment(annotated, final, problems);
        var ordered = OrderForCaller(changes, caller, start, final, problems, notices, out bool restrictedLast);
        return new LockoutVerdict(ChangeImpact.Annotate(ordered, _state.Snapshot), problems, notices, restrictedLast);
    }

    // ---- Break-glass users --------------------------------------------------------------------------------------

    private void CheckBreakGlass(IReadOnlyList<PlannedChange> annotated, AccountProjection start, AccountProjection final,
        List<LockoutProblem> problems, List<string> notices)
    {
        var breakGlass = _desired.BreakGlassUsers;
        if (breakGlass.Count == 0)
        {
            problems.Add(new("no-break-glass",
                "no break-glass user is configured (breakGlass.users): if the VPN fails or an MFA device is lost, nobody could undo the guardrails. " +
                "Create an emergency user with a console password, MFA and administrative access, keep it out of the restricted groups, and list it."));
            return;
        }

        foreach (var change in annotated)
            foreach (var user in change.Users.Where(u => breakGlass.Contains(u.Name, StringComparer.Ordinal)))
            {
                bool ip = change.Guardrail == GuardrailKind.IpRestriction && change.Action != ChangeAction.DetachGroupPolicy;
                bool mfaWithoutDevice = change.Guardrail == GuardrailKind.Mfa && change.Action != ChangeAction.DetachGroupPolicy && _state.HasMfa(user.Name) != true;
                if (ip || mfaWithoutDevice)
                    problems.Add(new("break-glass-restricted",
                        $"\"{change.Summary}\" would {(ip ? "IP-restrict" : "MFA-restrict (it has no MFA device)")} break-glass user {user.Name}: " +
                        $"an emergency account must work when the VPN does not. Take {user.Name} out of group {change.GroupName ?? "(the policy's groups)"}, or remove the group from {change.Guardrail.ConfigKey()}.groups."));
            }

        var finalPolicies = new PrincipalPolicies(final.ToSnapshot(), _scps);
        var outside = OutsideAddresses();
        var reasons = new List<string>();
        var usable = new List<string>();
        foreach (var name in breakGlass)
        {
            var user = _state.Snapshot.Users.FirstOrDefault(u => u.Name == name);
            if (user is null) { reasons.Add($"{name}: account {_state.AccountId} has no such user"); continue; }
            var own = new List<string>();
            if (_state.HasMfa(name) != true) own.Add("it has no MFA device");
            foreach (var address in outside)
            {
                var failure = RecoveryRequests(final)
                    .Select(r => (Request: r, Result: PolicyEvaluator.Evaluate(finalPolicies.For(user), Request(user, r.Action, r.Resource, address, MfaContext.Present))))
                    .FirstOrDefault(x => x.Result.Decision != Decision.Allowed);
                if (failure.Result is null) continue;
                own.Add(failure.Result.Decision == Decision.ExplicitDeny
                    ? $"from {address} (outside the approved networks), with MFA, {failure.Request.Action} on {failure.Request.Resource} would be {failure.Result.Explain()}"
                    : $"it could not undo the guardrails: {failure.Request.Action} on {failure.Request.Resource} is {failure.Result.Explain()}");
                break;
            }
            if (own.Count == 0) usable.Add(name);
            else reasons.Add($"{name}: {string.Join("; ", own)}");
        }
        if (usable.Count == 0)
            problems.Add(new("break-glass-unusable",
                "no configured break-glass user could recover the account after this apply (it must exist, have MFA, and be allowed to undo the guardrails from outside every approved network): " +
                string.Join(" | ", reasons)));
        else
        {
            notices.Add($"break-glass {(usable.Count == 1 ? "user" : "users")} {string.Join(", ", usable)}: MFA, and allowed to undo the guardrails from outside the approved networks");
            foreach (var reason in reasons) notices.Add($"break-glass user {reason}");
        }
    }

    /// <summary>The calls that undo the guardrails: detach from every group that will hold one, change or roll back the versions.</summary>
    private IEnumerable<(string Action, string Resource)> RecoveryRequests(AccountProjection final)
    {
        foreach (var guardrail in _desired.Guardrails)
        {
            var arn = Arn(guardrail);
            foreach (var group in _state.Snapshot.Groups.Where(g => final.Policies(g.Name).Contains(arn)))
                yield return ("iam:DetachGroupPolicy", group.Arn);
            yield return ("iam:SetDefaultPolicyVersion", arn);
            yield return ("iam:CreatePolicyVersion", arn);
        }
    }

    private List<string> OutsideAddresses()
    {
        var outside = OutsideCandidates.Where(a => !_desired.AllowedRanges.Any(r => r.Contains(IPAddress.Parse(a)))).ToList();
        return outside.Count > 0 ? outside : [OutsideCandidates[0]];
    }

    // ---- MFA enrolment ------------------------------------------------------------------------------------------

    private void CheckEnrolment(IReadOnlyList<PlannedChange> annotated, AccountProjection final, List<LockoutProblem> problems)
    {
        if (_desired.Find(GuardrailKind.Mfa) is not { } mfa) return;
        var arn = Arn(mfa);
        var affected = annotated.SelectMany(c => c.Users).Select(u => u.Arn).ToHashSet(StringComparer.Ordinal);
        var policies = new PrincipalPolicies(final.ToSnapshot(), _scps);
        var answers = new Dictionary<string, AccessAnswer>(StringComparer.Ordinal);
        var blocked = new List<string>();
        int count = 0;
        foreach (var user in final.Holders(arn).Where(u => affected.Contains(u.Arn)))
        {
            // Users with the same policies and path get the same answer (the enrolment exception is per own user).
            var key = policies.Fingerprint(user) + "|" + user.Path;
            if (!answers.TryGetValue(key, out var answer))
                answers[key] = answer = _access.EnrollmentDenied(policies.For(user), user, EnrollmentActions.Recommended);
            if (answer.Kind != AccessAnswerKind.Found) continue;
            count++;
            if (blocked.Count < 5)
            {
                var request = answer.Request!;
                var result = PolicyEvaluator.Evaluate(policies.For(user), request with { Principal = PrincipalIdentity.Parse(user.Arn) });
                blocked.Add($"{user.Name}: {request.Action} on {request.Resource} without MFA would be {result.Explain()}");
            }
        }
        if (count > 0)
            problems.Add(new("enrolment-blocked",
                $"{count} {(count == 1 ? "user" : "users")} under {mfa.PolicyName} could not enrol an MFA device (or change a must-reset password) without MFA, " +
                $"so they would be locked out until an administrator steps in: {string.Join(" | ", blocked)}{(count > blocked.Count ? $" | and {count - blocked.Count} more" : "")}. " +
                "Remove the Deny that blocks enrolment from their other policies first."));
    }

    // ---- The caller -----------------------------------------------------------------------------------------------

    private IReadOnlyList<PlannedChange> OrderForCaller(IReadOnlyList<PlannedChange> changes, CallerContext caller, AccountProjection start, AccountProjection final,
        List<LockoutProblem> problems, List<string> notices, out bool restrictedLast)
    {
        restrictedLast = false;
        var identity = caller.Identity;
        if (_state.CallerUser is not { } user)
        {
            notices.Add(identity.IsRoot
                ? "you run as the account's root user: IAM policies do not restrict it (the guide: use root as little as possible)"
                : identity.Arn.Contains(":assumed-role/", StringComparison.Ordinal)
                    ? $"you run as a role session ({identity.Arn}): group changes do not restrict it"
                    : $"you run as {identity.Arn}, which is not an IAM user of account {_state.AccountId}: group changes do not restrict it");
            return changes;
        }

        var address = caller.SourceIp?.ToString();
        var startPolicies = new PrincipalPolicies(start.ToSnapshot(), _scps);
        // Reading the account first: it is what plan, verification and rollback all start with.
        List<(string Action, string Resource)> probes = new[] { ("iam:GetAccountAuthorizationDetails", "*") }
            .Concat(changes.Select(c => (c.Action.IamAction(), c.Target))).Concat(RecoveryRequests(final)).Distinct().ToList();

        // The IP restriction: with MFA, from the caller's own address, nothing it may do now may become denied.
        if (_desired.Find(GuardrailKind.IpRestriction) is { } ip && final.Holds(user, Arn(ip)))
        {
            if (address is null)
                problems.Add(new("caller-ip-unknown",
                    $"after apply you ({identity.Arn}) would be held to {ip.PolicyName}, and your public address is unknown: {caller.SourceIpOrigin}. " +
                    "Pass --caller-ip with the address AWS sees your requests come from (your office or VPN egress address; e.g. what https://checkip.amazonaws.com shows on this machine)."));
            else
            {
                var finalPolicies = new PrincipalPolicies(final.ToSnapshot(), _scps);
                var cut = probes.Select(p => (Probe: p, Result: PolicyEvaluator.Evaluate(finalPolicies.For(user), Request(user, p.Action, p.Resource, address, MfaContext.Present))))
                    .FirstOrDefault(x => x.Result.Decision == Decision.ExplicitDeny &&
                                         PolicyEvaluator.Decide(startPolicies.For(user), Request(user, x.Probe.Action, x.Probe.Resource, address, MfaContext.Present)) != Decision.ExplicitDeny);
                if (cut.Result is not null)
                    problems.Add(new("caller-ip-outside",
                        $"your address {address} ({caller.SourceIpOrigin}) is outside allowedCidrs ({string.Join(", ", _desired.AllowedRanges)}): after apply, " +
                        $"{cut.Probe.Action} on {cut.Probe.Resource} would be {cut.Result.Explain()}, so you would lock yourself out. " +
                        "Run apply from an approved network, add that network to allowedCidrs, or take yourself out of the restricted group."));
                else notices.Add($"your address {address} ({caller.SourceIpOrigin}) is let through by {ip.PolicyName}");
            }
        }

        // The MFA policy: requests with the caller's current credentials may carry no MFA (long-term keys carry no key at
        // all; temporary credentials "false" unless the user said they are an MFA session).
        var noMfa = caller.Credentials switch
        {
            CallerCredentialKind.LongTermKeys => MfaContext.AbsentKey,
            CallerCredentialKind.MfaSession => MfaContext.Present,
            _ => MfaContext.False,
        };
        var here = address ?? FirstAllowedAddress() ?? NeutralAddress;
        bool CutOff(PrincipalPolicies after, (string Action, string Resource) probe) =>
            PolicyEvaluator.Decide(after.For(user), Request(user, probe.Action, probe.Resource, here, noMfa)) == Decision.ExplicitDeny &&
            PolicyEvaluator.Decide(startPolicies.For(user), Request(user, probe.Action, probe.Resource, here, noMfa)) != Decision.ExplicitDeny;

        var remaining = Units(changes);
        var ordered = new List<PlannedChange>();
        var state = start;
        string? stuck = null;  // why no order lets apply finish, when none does
        while (remaining.Count > 0)
        {
            List<PlannedChange>? chosen = null;
            AccountProjection? next = null;
            foreach (var unit in remaining)
            {
                if (!Ready(unit, ordered, changes)) continue;
                var candidate = state.WithAll(unit);
                if (remaining.Count == 1)
                {
                    (chosen, next) = (unit, candidate);
                    break;
                }
                // After this unit the caller must still be able to make the rest, and to undo everything made so far.
                var policies = new PrincipalPolicies(candidate.ToSnapshot(), _scps);
                var needed = remaining.Where(u => u != unit).SelectMany(u => u).Select(c => (c.Action.IamAction(), c.Target))
                    .Concat(ordered.Concat(unit).SelectMany(UndoRequests));
                if (needed.All(probe => !CutOff(policies, probe)))
                {
                    (chosen, next) = (unit, candidate);
                    break;
                }
            }
            if (chosen is null)
            {
                // Whatever comes next denies the caller the changes after it.
                chosen = remaining.First(u => Ready(u, ordered, changes));
                next = state.WithAll(chosen);
                if (stuck is null)
                {
                    var after = new PrincipalPolicies(next.ToSnapshot(), _scps);
                    var blocked = remaining.Where(u => u != chosen).SelectMany(u => u).Select(c => (Action: c.Action.IamAction(), Resource: c.Target))
                        .Concat(ordered.Concat(chosen).SelectMany(UndoRequests)).First(probe => CutOff(after, probe));
                    var why = PolicyEvaluator.Evaluate(after.For(user), Request(user, blocked.Action, blocked.Resource, here, noMfa)).Explain();
                    stuck = $"\"{chosen[^1].Summary}\" would deny you the calls after it ({blocked.Action} on {blocked.Resource} would be {why})";
                }
            }
            ordered.AddRange(chosen);
            remaining.Remove(chosen);
            state = next!;
        }

        var finalForCaller = new PrincipalPolicies(final.ToSnapshot(), _scps);
        var lost = probes.FirstOrDefault(p => CutOff(finalForCaller, p));
        restrictedLast = lost != default;
        // The first change after which the caller loses something (reading the account, say), in the final order.
        PlannedChange? restricting = null;
        var prefix = start;
        foreach (var change in ordered)
        {
            prefix = prefix.With(change);
            var policies = new PrincipalPolicies(prefix.ToSnapshot(), _scps);
            if (probes.Any(p => CutOff(policies, p))) { restricting = change; break; }
        }
        var serials = _state.MfaDevices.TryGetValue(user.Name, out var s) ? s : [];
        var session = $"aws sts get-session-token --serial-number {(serials.Count > 0 ? serials[0] : "<your MFA device ARN>")} --token-code <code from the device>" +
                      " and set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from its answer (and pass --mfa-session to plan and apply)";
        if (stuck is not null)
            problems.Add(new("caller-cut-off",
                $"with your {caller.DescribeCredentials}, {stuck}, so apply could neither finish nor roll back whatever order it took. " +
                $"Run apply from an MFA session (and an approved network): {session}."));
        else if (restrictedLast && restricting is not null)
        {
            if (serials.Count == 0)
                problems.Add(new("caller-without-mfa-device",
                    $"after \"{restricting.Summary}\" your {caller.DescribeCredentials} could only enrol MFA, and {user.Name} has no MFA device, so you could not check the result or roll it back. " +
                    $"Enrol an MFA device for {user.Name} first (then use an MFA session), or run apply as another identity."));
            else
                notices.Add((restricting == ordered[^1]
                                ? $"your own restriction comes last (\"{restricting.Summary}\"): after it, "
                                : $"your own restriction starts with \"{restricting.Summary}\" (the changes after it stay possible for you); after apply, ") +
                            $"requests with your {caller.DescribeCredentials} are denied except MFA enrolment ({lost.Action} on {lost.Resource} for one). " +
                            $"To go on (plan, audit, apply --rollback), use an MFA session: {session}.");
        }
        return ordered;
    }

    /// <summary>The changes as units that are made back to back: a version deletion with the version it makes room for.</summary>
    private static List<List<PlannedChange>> Units(IReadOnlyList<PlannedChange> changes)
    {
        var units = new List<List<PlannedChange>>();
        for (int i = 0; i < changes.Count; i++)
        {
            if (changes[i].Action == ChangeAction.DeletePolicyVersion && i + 1 < changes.Count && changes[i + 1].PolicyArn == changes[i].PolicyArn)
            {
                units.Add([changes[i], changes[i + 1]]);
                i++;
            }
            else units.Add([changes[i]]);
        }
        return units;
    }

    /// <summary>The calls that undo a change (what rollback sends).</summary>
    private static IEnumerable<(string Action, string Resource)> UndoRequests(PlannedChange change) => change.Action switch
    {
        ChangeAction.CreatePolicy => [("iam:DeletePolicy", change.PolicyArn), ("iam:DeletePolicyVersion", change.PolicyArn)],
        ChangeAction.DeletePolicyVersion => [("iam:CreatePolicyVersion", change.PolicyArn)],
        ChangeAction.CreatePolicyVersion => [("iam:SetDefaultPolicyVersion", change.PolicyArn), ("iam:DeletePolicyVersion", change.PolicyArn), ("iam:ListPolicyVersions", change.PolicyArn)],
        ChangeAction.SetDefaultPolicyVersion => [("iam:SetDefaultPolicyVersion", change.PolicyArn)],
        ChangeAction.AttachGroupPolicy => [("iam:DetachGroupPolicy", change.Target)],
        _ => [("iam:AttachGroupPolicy", change.Target)],
    };

    /// <summary>A policy the plan creates must be created before anything else is done with it.</summary>
    private static bool Ready(List<PlannedChange> unit, List<PlannedChange> done, IReadOnlyList<PlannedChange> all) =>
        unit[0].Action == ChangeAction.CreatePolicy ||
        !all.Any(c => c.Action == ChangeAction.CreatePolicy && c.PolicyArn == unit[0].PolicyArn) ||
        done.Any(c => c.Action == ChangeAction.CreatePolicy && c.PolicyArn == unit[0].PolicyArn);

    private string? FirstAllowedAddress() => _desired.AllowedRanges.Count > 0 ? _desired.AllowedRanges[0].Network.BaseAddress.ToString() : null;

    private string Arn(DesiredGuardrail guardrail) => guardrail.ArnIn(_state.Partition, _state.AccountId);

    private enum MfaContext { Present, False, AbsentKey }

    private AuthorizationRequest Request(Snapshot.IamUser user, string action, string resource, string sourceIp, MfaContext mfa)
    {
        var context = new RequestContext()
            .Set("aws:username", user.Name)
            .Set("aws:userid", user.UserId)
            .Set("aws:PrincipalArn", user.Arn)
            .Set("aws:PrincipalAccount", _state.AccountId)
            .Set("aws:PrincipalType", "User")
            .Set("aws:SecureTransport", "true")
            .Set("aws:ViaAWSService", "false")
            .Set("aws:SourceIp", sourceIp)
            .Set("aws:CurrentTime", _now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
            .Set("aws:EpochTime", _now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in user.Tags) context.Set("aws:PrincipalTag/" + key, value);
        if (mfa != MfaContext.AbsentKey)
        {
            context.Set("aws:MultiFactorAuthPresent", mfa == MfaContext.Present ? "true" : "false")
                .Set("aws:TokenIssueTime", _now.AddMinutes(-5).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            if (mfa == MfaContext.Present) context.Set("aws:MultiFactorAuthAge", "300");
        }
        return new AuthorizationRequest(PrincipalIdentity.Parse(user.Arn), action, resource, context);
    }
}
