using Amazon.Runtime;

namespace IamHarden.Aws;

/// <summary>Credentials found for a run, the region that goes with them, and where both came from.</summary>
/// <param name="Credentials">The SDK credentials object; refreshing kinds (assume-role, SSO, metadata) refresh themselves on use.</param>
/// <param name="Region">The region chosen: <c>--region</c>, AWS_REGION/AWS_DEFAULT_REGION, the profile's region, or us-east-1.</param>
/// <param name="Source">A human description, e.g. <c>profile 'audit' (AssumeRoleAWSCredentials)</c>.</param>
public sealed record ResolvedCredentials(AWSCredentials Credentials, string Region, string Source);
