namespace IamHarden.Aws;

/// <summary>A managed policy (customer or AWS managed) without its document.</summary>
public sealed record ManagedPolicy(
    string PolicyName,
    string PolicyId,
    string Arn,
    string Path,
    string DefaultVersionId,
    int AttachmentCount,
    int PermissionsBoundaryUsageCount,
    bool IsAttachable,
    string? Description,
    DateTimeOffset CreateDate,
    DateTimeOffset? UpdateDate,
    IReadOnlyList<IamTag> Tags)
{
    /// <summary>True for AWS managed policies (<c>arn:…:iam::aws:policy/…</c>), which cannot be changed.</summary>
    public bool IsAwsManaged => Arn.Contains(":iam::aws:policy/", StringComparison.Ordinal);
}
