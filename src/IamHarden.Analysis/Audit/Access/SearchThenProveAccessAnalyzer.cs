using IamHarden.Analysis.Snapshot;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Audit.Access;

/// <summary>
/// The audit's default when libz3 is installed: the search first, then the prover for what the
/// search cannot settle. A request the search finds is concrete and was replayed through the
/// evaluator, so it stands; "none found" is handed to the prover, which proves it for every
/// request (catalog and future actions, every resource and context) or finds the request the
/// search missed. For enrolment the roles swap: "allowed" is shown by a request, "always denied"
/// needs the proof. Where the prover cannot decide (time-out, unsupported construct) the
/// search's answer stays, marked as not proved.
/// </summary>
public sealed class SearchThenProveAccessAnalyzer(SearchAccessAnalyzer search, ProverAccessAnalyzer prover) : IAccessAnalyzer
{
    public AccessAnswer AllowedWithoutMfa(PolicySet policies, IamUser user, CredentialKind credentials, IReadOnlyList<string> enrollmentActions) =>
        Settle(search.AllowedWithoutMfa(policies, user, credentials, enrollmentActions), AccessAnswerKind.Found,
            () => prover.AllowedWithoutMfa(policies, user, credentials, enrollmentActions));

    public AccessAnswer EnrollmentDenied(PolicySet policies, IamUser user, IReadOnlyList<string> requiredActions) =>
        Settle(search.EnrollmentDenied(policies, user, requiredActions), AccessAnswerKind.None,
            () => prover.EnrollmentDenied(policies, user, requiredActions));

    public AccessAnswer AllowedFromOutside(PolicySet policies, IamUser user, IReadOnlyList<IpRange> allowed) =>
        Settle(search.AllowedFromOutside(policies, user, allowed), AccessAnswerKind.Found, () => prover.AllowedFromOutside(policies, user, allowed));

    public AccessAnswer PrivilegedAccess(PolicySet policies, IamUser user) =>
        Settle(search.PrivilegedAccess(policies, user), AccessAnswerKind.Found, () => prover.PrivilegedAccess(policies, user));

    public AccessAnswer ServiceCallDenied(PolicySet policies, IamUser user, IReadOnlyList<IpRange> allowed) =>
        Settle(search.ServiceCallDenied(policies, user, allowed), AccessAnswerKind.Found, () => prover.ServiceCallDenied(policies, user, allowed));

    /// <param name="searched">The search's answer.</param>
    /// <param name="shownByExample">The kind of answer a concrete request establishes for this question.</param>
    /// <param name="prove">The prover's answer, asked only when the search's is not established by a request.</param>
    private static AccessAnswer Settle(AccessAnswer searched, AccessAnswerKind shownByExample, Func<AccessAnswer> prove)
    {
        if (searched.Kind == shownByExample || searched.Kind == AccessAnswerKind.Unknown) return searched;
        var proved = prove();
        return proved.Kind == AccessAnswerKind.Unknown
            ? searched with { Note = $"{searched.Note}; the prover could not decide ({proved.Note})" }
            : proved;
    }
}
