namespace IamHarden.Core.Catalog;

/// <summary>
/// How much an action can do, as the AWS Service Authorization Reference classifies it. Every
/// catalog action has exactly one level. <see cref="PermissionsManagement"/> and
/// <see cref="Tagging"/> are specialised kinds of write: they change state like
/// <see cref="Write"/>, and AWS lists them separately because they deserve closer review.
/// </summary>
public enum AccessLevel
{
    /// <summary>Lists resources or their names without reading their contents.</summary>
    List,

    /// <summary>Reads the contents or attributes of resources.</summary>
    Read,

    /// <summary>Creates, changes or deletes resources.</summary>
    Write,

    /// <summary>Grants or changes permissions (IAM policies, resource policies, ACLs).</summary>
    PermissionsManagement,

    /// <summary>Adds, changes or removes tags only.</summary>
    Tagging,
}
