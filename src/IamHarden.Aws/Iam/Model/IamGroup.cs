namespace IamHarden.Aws;

/// <summary>An IAM group.</summary>
public sealed record IamGroup(string Path, string GroupName, string GroupId, string Arn, DateTimeOffset CreateDate);
