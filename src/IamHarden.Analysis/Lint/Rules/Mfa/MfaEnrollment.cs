using IamHarden.Analysis.Guardrails;
using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Mfa;

/// <summary>What the enrolment exception of an MFA Deny must contain, and why each action is needed.</summary>
internal static class MfaEnrollment
{
    /// <summary>Why a user without MFA needs each action of <see cref="EnrollmentActions.Recommended"/>.</summary>
    public static IReadOnlyDictionary<string, string> Purpose { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["iam:CreateVirtualMFADevice"] = "create the virtual MFA device",
        ["iam:EnableMFADevice"] = "activate the device on their own user",
        ["iam:GetUser"] = "read their own user on the Security credentials page",
        ["iam:ListMFADevices"] = "see which devices their user has",
        ["iam:ListVirtualMFADevices"] = "list the virtual MFA devices",
        ["iam:ResyncMFADevice"] = "resynchronise a device whose codes drifted",
        ["iam:DeleteVirtualMFADevice"] = "delete the unassigned device a failed attempt leaves behind, so the enrolment can be retried",
        ["sts:GetSessionToken"] = "get MFA session credentials for the CLI and SDKs",
        ["iam:ChangePassword"] = "change the password they must reset at first sign-in, a session that cannot have MFA yet",
        ["iam:GetAccountPasswordPolicy"] = "read the password rules the change-password page shows",
    };

    /// <summary>The enrolment actions proper (without the password-reset pair).</summary>
    public static IEnumerable<string> DeviceActions =>
        EnrollmentActions.Recommended.Except(EnrollmentActions.PasswordReset, StringComparer.OrdinalIgnoreCase);

    /// <summary>A Deny + NotAction statement that applies to requests without MFA on every resource: the guide's Force_MFA shape.</summary>
    public static bool IsMfaExceptionDeny(StatementFacts statement) =>
        statement.IsDeny && statement.Statement.Actions.IsNegated && statement.ResourceIsEverything && MfaConditions.IsDenyWithoutMfa(statement);

    /// <summary>The actions of <paramref name="required"/> that the statement's NotAction list does not except.</summary>
    public static List<string> NotExcepted(StatementFacts statement, IEnumerable<string> required) =>
        required.Where(a => !statement.Statement.Actions.Values.Any(v => Coverage.ActionCovers(v.Value, a))).ToList();

    public static string Explain(IEnumerable<string> actions) =>
        string.Join("; ", actions.Select(a => $"{a}, to {Purpose.GetValueOrDefault(a, "enrol")}"));
}
