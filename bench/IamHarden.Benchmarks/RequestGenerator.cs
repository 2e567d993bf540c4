using IamHarden.Core.Evaluation;

namespace IamHarden.Benchmarks;

/// <summary>
/// Deterministic, varied requests like the iam-oracle's gen-bench: a mix of services and
/// resources, MFA present/absent/true/false, source IPs inside, just outside and far outside the
/// guide's ranges, some VPC-endpoint-style requests without aws:SourceIp.
/// </summary>
public static class RequestGenerator
{
    private static readonly (string Action, string Resource)[] Targets =
    [
        ("s3:GetObject", "arn:aws:s3:::b/k"), ("s3:PutObject", "arn:aws:s3:::data/reports/2025/q1.csv"),
        ("s3:ListBucket", "arn:aws:s3:::b"), ("ec2:DescribeInstances", "*"), ("ec2:StartInstances", "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc"),
        ("iam:CreateUser", "arn:aws:iam::123456789012:user/bob"), ("iam:GetUser", "arn:aws:iam::123456789012:user/alice"),
        ("iam:ListMFADevices", "arn:aws:iam::123456789012:user/alice"), ("iam:ChangePassword", "arn:aws:iam::123456789012:user/alice"),
        ("sts:GetSessionToken", "*"), ("iam:ListUsers", "*"), ("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:f"),
        ("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/t"), ("kms:Decrypt", "arn:aws:kms:us-east-1:123456789012:key/1234"),
        ("logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:app:log-stream:s1"), ("cloudtrail:StopLogging", "arn:aws:cloudtrail:us-east-1:123456789012:trail/t"),
    ];

    private static readonly string[] Addresses =
        ["123.0.123.123", "123.0.123.124", "198.51.100.0", "198.51.100.77", "198.51.100.255", "198.51.101.0", "198.51.99.255", "203.0.113.9", "2001:db8::1", "10.0.0.5"];

    public static AuthorizationRequest[] Generate(int count, int seed = 7)
    {
        var random = new Random(seed);
        var contexts = new RequestContext[512];
        for (int i = 0; i < contexts.Length; i++)
        {
            var context = new RequestContext().Set("aws:username", "alice");
            switch (random.Next(4))
            {
                case 0: break; // long-term access keys: no MFA key at all
                case 1: context.Set("aws:MultiFactorAuthPresent", "false"); break;
                default: context.Set("aws:MultiFactorAuthPresent", "true").Set("aws:MultiFactorAuthAge", random.Next(0, 7200).ToString()); break;
            }
            if (random.Next(10) > 0) context.Set("aws:SourceIp", Addresses[random.Next(Addresses.Length)]);
            context.Set("aws:ViaAWSService", random.Next(10) == 0 ? "true" : "false");
            contexts[i] = context;
        }
        var principal = PrincipalIdentity.DefaultUser;
        var requests = new AuthorizationRequest[count];
        for (int i = 0; i < count; i++)
        {
            var (action, resource) = Targets[random.Next(Targets.Length)];
            requests[i] = new AuthorizationRequest(principal, action, resource, contexts[random.Next(contexts.Length)]);
        }
        return requests;
    }
}
