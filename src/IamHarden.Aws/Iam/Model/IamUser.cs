namespace IamHarden.Aws;

/// <summary>An IAM user as the list/get operations return it (list operations return no tags).</summary>
public sealed record IamUser(
    string Path,
    string UserName,
    string UserId,
    string Arn,
    DateTimeOffset CreateDate,
    DateTimeOffset? PasswordLastUsed,
    string? PermissionsBoundaryArn,
    IReadOnlyList<IamTag> Tags);
