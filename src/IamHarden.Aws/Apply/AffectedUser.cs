namespace IamHarden.Aws.Apply;

/// <summary>An IAM user whose effective policies a change alters.</summary>
public sealed record AffectedUser(string Name, string Arn);
