namespace IamHarden.Aws;

/// <summary>A tag on an IAM entity.</summary>
public sealed record IamTag(string Key, string Value);
