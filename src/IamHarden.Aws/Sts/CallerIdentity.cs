namespace IamHarden.Aws;

/// <summary>Who the credentials belong to (STS GetCallerIdentity).</summary>
/// <param name="Account">The 12-digit account id.</param>
/// <param name="Arn">The caller's ARN: a user, <c>…:root</c>, an assumed-role session or a federated user.</param>
/// <param name="UserId">The unique id (<c>AIDA…</c> for a user, <c>AROA…:session</c> for a role session).</param>
public sealed record CallerIdentity(string Account, string Arn, string UserId)
{
    /// <summary>The partition named in the ARN, when IamHarden knows it.</summary>
    public AwsPartition? Partition => AwsPartition.FromArn(Arn);

    /// <summary>True for the account's root user.</summary>
    public bool IsRoot => Arn.EndsWith(":root", StringComparison.Ordinal);

    /// <summary>The IAM user name when the caller is an IAM user (the last segment of <c>…:user/path/name</c>).</summary>
    public string? UserName
    {
        get
        {
            var marker = Arn.IndexOf(":user/", StringComparison.Ordinal);
            return marker < 0 ? null : Arn[(Arn.LastIndexOf('/') + 1)..];
        }
    }
}
