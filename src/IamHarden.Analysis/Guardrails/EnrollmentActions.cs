namespace IamHarden.Analysis.Guardrails;

/// <summary>
/// The actions a user without MFA must still be able to perform, so that first sign-in works:
/// enrol an MFA device, and change a password that must be reset (PRODUCT.md, spec §8.1).
/// </summary>
public static class EnrollmentActions
{
    /// <summary>The guide's NotAction list, verbatim (the same as AWS's published example).</summary>
    public static IReadOnlyList<string> Guide { get; } =
    [
        "iam:CreateVirtualMFADevice",
        "iam:EnableMFADevice",
        "iam:GetUser",
        "iam:ListMFADevices",
        "iam:ListVirtualMFADevices",
        "iam:ResyncMFADevice",
        "sts:GetSessionToken",
    ];

    /// <summary>
    /// What a user actually needs without MFA: the guide's list, plus deleting the unassigned
    /// virtual device of a failed enrolment attempt, plus changing a password that must be reset
    /// at first sign-in (the first console session has no MFA yet, so without these the user is
    /// locked out until an administrator steps in).
    /// </summary>
    public static IReadOnlyList<string> Recommended { get; } =
    [
        "iam:ChangePassword",
        "iam:CreateVirtualMFADevice",
        "iam:DeleteVirtualMFADevice",
        "iam:EnableMFADevice",
        "iam:GetAccountPasswordPolicy",
        "iam:GetUser",
        "iam:ListMFADevices",
        "iam:ListVirtualMFADevices",
        "iam:ResyncMFADevice",
        "sts:GetSessionToken",
    ];

    /// <summary>The enrolment actions that act on the caller's own IAM user (their resource is the user ARN).</summary>
    public static IReadOnlyList<string> OnOwnUser { get; } =
        ["iam:ChangePassword", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices", "iam:ResyncMFADevice"];

    /// <summary>The enrolment actions that act on a virtual MFA device resource (arn:aws:iam::ACCOUNT:mfa/NAME).</summary>
    public static IReadOnlyList<string> OnMfaDevice { get; } = ["iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice"];

    /// <summary>The enrolment actions without resource-level permissions (resource "*").</summary>
    public static IReadOnlyList<string> WithoutResource { get; } = ["iam:GetAccountPasswordPolicy", "iam:ListVirtualMFADevices", "sts:GetSessionToken"];

    /// <summary>Only what changing a must-reset password needs.</summary>
    public static IReadOnlyList<string> PasswordReset { get; } = ["iam:ChangePassword", "iam:GetAccountPasswordPolicy"];
}
