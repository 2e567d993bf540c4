namespace IamHarden.Aws.CliJson;

/// <summary>
/// The IAM 2010-05-08 model's output shapes for the operations whose CLI JSON a snapshot holds, with members in the
/// model's order (botocore <c>service-2.json</c>). A test compares these with the installed botocore model.
/// </summary>
internal static class IamCliShapes
{
    private static readonly CliScalar S = CliScalar.String;
    private static readonly CliScalar Doc = CliScalar.PolicyDocument;
    private static readonly CliScalar Int = CliScalar.Integer;
    private static readonly CliScalar Bool = CliScalar.Boolean;
    private static readonly CliScalar Date = CliScalar.Timestamp;

    private static readonly CliStructure Tag = new(("Key", S), ("Value", S));
    private static readonly CliList TagList = new(Tag);

    private static readonly CliStructure PermissionsBoundary =
        new(("PermissionsBoundaryType", S), ("PermissionsBoundaryArn", S));

    private static readonly CliStructure PolicyDetail = new(("PolicyName", S), ("PolicyDocument", Doc));
    private static readonly CliStructure AttachedPolicy = new(("PolicyName", S), ("PolicyArn", S));
    private static readonly CliStructure RoleLastUsed = new(("LastUsedDate", Date), ("Region", S));

    private static readonly CliStructure UserDetail = new(
        ("Path", S), ("UserName", S), ("UserId", S), ("Arn", S), ("CreateDate", Date),
        ("UserPolicyList", new CliList(PolicyDetail)), ("GroupList", new CliList(S)),
        ("AttachedManagedPolicies", new CliList(AttachedPolicy)), ("PermissionsBoundary", PermissionsBoundary),
        ("Tags", TagList));

    private static readonly CliStructure GroupDetail = new(
        ("Path", S), ("GroupName", S), ("GroupId", S), ("Arn", S), ("CreateDate", Date),
        ("GroupPolicyList", new CliList(PolicyDetail)), ("AttachedManagedPolicies", new CliList(AttachedPolicy)));

    private static readonly CliStructure Role = new(
        ("Path", S), ("RoleName", S), ("RoleId", S), ("Arn", S), ("CreateDate", Date),
        ("AssumeRolePolicyDocument", Doc), ("Description", S), ("MaxSessionDuration", Int),
        ("PermissionsBoundary", PermissionsBoundary), ("Tags", TagList), ("RoleLastUsed", RoleLastUsed));

    private static readonly CliStructure InstanceProfile = new(
        ("Path", S), ("InstanceProfileName", S), ("InstanceProfileId", S), ("Arn", S), ("CreateDate", Date),
        ("Roles", new CliList(Role)), ("Tags", TagList));

    private static readonly CliStructure RoleDetail = new(
        ("Path", S), ("RoleName", S), ("RoleId", S), ("Arn", S), ("CreateDate", Date),
        ("AssumeRolePolicyDocument", Doc), ("InstanceProfileList", new CliList(InstanceProfile)),
        ("RolePolicyList", new CliList(PolicyDetail)), ("AttachedManagedPolicies", new CliList(AttachedPolicy)),
        ("PermissionsBoundary", PermissionsBoundary), ("Tags", TagList), ("RoleLastUsed", RoleLastUsed));

    private static readonly CliStructure PolicyVersion = new(
        ("Document", Doc), ("VersionId", S), ("IsDefaultVersion", Bool), ("CreateDate", Date));

    private static readonly CliStructure ManagedPolicyDetail = new(
        ("PolicyName", S), ("PolicyId", S), ("Arn", S), ("Path", S), ("DefaultVersionId", S),
        ("AttachmentCount", Int), ("PermissionsBoundaryUsageCount", Int), ("IsAttachable", Bool),
        ("Description", S), ("CreateDate", Date), ("UpdateDate", Date),
        ("PolicyVersionList", new CliList(PolicyVersion)));

    private static readonly CliStructure User = new(
        ("Path", S), ("UserName", S), ("UserId", S), ("Arn", S), ("CreateDate", Date), ("PasswordLastUsed", Date),
        ("PermissionsBoundary", PermissionsBoundary), ("Tags", TagList));

    private static readonly CliStructure VirtualMfaDevice = new(
        ("SerialNumber", S), ("Base32StringSeed", CliScalar.Blob), ("QRCodePNG", CliScalar.Blob), ("User", User),
        ("EnableDate", Date), ("Tags", TagList));

    /// <summary>GetAccountAuthorizationDetailsResponse.</summary>
    public static readonly CliStructure GetAccountAuthorizationDetails = new(
        ("UserDetailList", new CliList(UserDetail)), ("GroupDetailList", new CliList(GroupDetail)),
        ("RoleDetailList", new CliList(RoleDetail)), ("Policies", new CliList(ManagedPolicyDetail)),
        ("IsTruncated", Bool), ("Marker", S));

    /// <summary>The paginator's result keys for GetAccountAuthorizationDetails, in the paginator's order.</summary>
    public static readonly IReadOnlyList<string> AuthorizationDetailsResultKeys =
        ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"];

    /// <summary>GetAccountSummaryResponse.</summary>
    public static readonly CliStructure GetAccountSummary = new(("SummaryMap", new CliMap(Int)));

    /// <summary>GetAccountPasswordPolicyResponse.</summary>
    public static readonly CliStructure GetAccountPasswordPolicy = new(("PasswordPolicy", new CliStructure(
        ("MinimumPasswordLength", Int), ("RequireSymbols", Bool), ("RequireNumbers", Bool),
        ("RequireUppercaseCharacters", Bool), ("RequireLowercaseCharacters", Bool),
        ("AllowUsersToChangePassword", Bool), ("ExpirePasswords", Bool), ("MaxPasswordAge", Int),
        ("PasswordReusePrevention", Int), ("HardExpiry", Bool))));

    /// <summary>ListVirtualMFADevicesResponse.</summary>
    public static readonly CliStructure ListVirtualMfaDevices = new(
        ("VirtualMFADevices", new CliList(VirtualMfaDevice)), ("IsTruncated", Bool), ("Marker", S));

    /// <summary>The paginator's result key for ListVirtualMFADevices.</summary>
    public static readonly IReadOnlyList<string> VirtualMfaDevicesResultKeys = ["VirtualMFADevices"];
}
