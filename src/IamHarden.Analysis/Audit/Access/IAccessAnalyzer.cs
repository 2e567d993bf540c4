using IamHarden.Analysis.Snapshot;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Values;

namespace IamHarden.Analysis.Audit.Access;

/// <summary>How the user calls AWS in a question: a console session or long-term access keys.</summary>
public enum CredentialKind
{
    /// <summary>A console (or other temporary-credential) session without MFA: aws:MultiFactorAuthPresent is "false".</summary>
    ConsoleSession,
    /// <summary>Long-term access keys: aws:MultiFactorAuthPresent is absent.</summary>
    AccessKeys,
}

/// <summary>
/// The semantic questions the audit asks about a user's effective policies. They are answered
/// over the whole action catalog and unknown future actions — never by policy names.
/// </summary>
public interface IAccessAnalyzer
{
    /// <summary>A request for an action outside the enrolment set that is allowed without MFA.</summary>
    AccessAnswer AllowedWithoutMfa(PolicySet policies, IamUser user, CredentialKind credentials, IReadOnlyList<string> enrollmentActions);

    /// <summary>An enrolment action on the user's own user or MFA device that is denied without MFA (a first sign-in lockout).</summary>
    AccessAnswer EnrollmentDenied(PolicySet policies, IamUser user, IReadOnlyList<string> requiredActions);

    /// <summary>A request from outside the approved ranges (or through a VPC endpoint) that is allowed.</summary>
    AccessAnswer AllowedFromOutside(PolicySet policies, IamUser user, IReadOnlyList<IpRange> allowed);

    /// <summary>An allowed IAM action that grants privileges (permissions management), or everything.</summary>
    AccessAnswer PrivilegedAccess(PolicySet policies, IamUser user);

    /// <summary>A request that is allowed when made directly from an approved address but explicitly denied when an AWS service makes it for the user.</summary>
    AccessAnswer ServiceCallDenied(PolicySet policies, IamUser user, IReadOnlyList<IpRange> allowed);
}
