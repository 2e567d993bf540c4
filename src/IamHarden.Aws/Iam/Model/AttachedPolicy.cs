namespace IamHarden.Aws;

/// <summary>A managed policy attached to a user, group or role.</summary>
public sealed record AttachedPolicy(string PolicyName, string PolicyArn);
