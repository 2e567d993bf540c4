using System.Xml.Linq;
using IamHarden.Aws.CliJson;

namespace IamHarden.Aws;

/// <summary>Reads IAM's XML result members into the typed model.</summary>
internal static class IamModelReader
{
    public static IReadOnlyList<IamTag> Tags(XElement element) =>
        element.Members("Tags").Select(t => new IamTag(t.RequiredText("Key"), t.ChildText("Value") ?? "")).ToList();

    public static IamUser User(XElement e) => new(
        e.RequiredText("Path"), e.RequiredText("UserName"), e.RequiredText("UserId"), e.RequiredText("Arn"),
        e.RequiredDate("CreateDate"), e.ChildDate("PasswordLastUsed"),
        e.Child("PermissionsBoundary")?.ChildText("PermissionsBoundaryArn"), Tags(e));

    public static IamGroup Group(XElement e) => new(
        e.RequiredText("Path"), e.RequiredText("GroupName"), e.RequiredText("GroupId"), e.RequiredText("Arn"),
        e.RequiredDate("CreateDate"));

    public static ManagedPolicy Policy(XElement e) => new(
        e.RequiredText("PolicyName"), e.ChildText("PolicyId") ?? "", e.RequiredText("Arn"), e.ChildText("Path") ?? "/",
        e.ChildText("DefaultVersionId") ?? "", e.ChildInt("AttachmentCount") ?? 0, e.ChildInt("PermissionsBoundaryUsageCount") ?? 0,
        e.ChildOptionalBool("IsAttachable") ?? true, NullIfEmpty(e.ChildText("Description")), e.RequiredDate("CreateDate"),
        e.ChildDate("UpdateDate"), Tags(e));

    public static ManagedPolicyVersion PolicyVersion(XElement e) => new(
        e.RequiredText("VersionId"), e.ChildBool("IsDefaultVersion"), e.RequiredDate("CreateDate"),
        e.ChildText("Document") is { } document ? PolicyDocumentDecoder.DecodeToText(document) : null);

    public static AttachedPolicy Attached(XElement e) => new(e.RequiredText("PolicyName"), e.RequiredText("PolicyArn"));

    public static MfaDevice Mfa(XElement e) => new(e.RequiredText("UserName"), e.RequiredText("SerialNumber"), e.RequiredDate("EnableDate"));

    public static VirtualMfaDevice VirtualMfa(XElement e) => new(
        e.RequiredText("SerialNumber"), e.Child("User") is { } user ? User(user) : null, e.ChildDate("EnableDate"), Tags(e));

    public static PasswordPolicy PasswordPolicy(XElement e) => new(
        e.ChildInt("MinimumPasswordLength"), e.ChildBool("RequireSymbols"), e.ChildBool("RequireNumbers"),
        e.ChildBool("RequireUppercaseCharacters"), e.ChildBool("RequireLowercaseCharacters"),
        e.ChildBool("AllowUsersToChangePassword"), e.ChildBool("ExpirePasswords"), e.ChildInt("MaxPasswordAge"),
        e.ChildInt("PasswordReusePrevention"), e.ChildOptionalBool("HardExpiry"));

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
