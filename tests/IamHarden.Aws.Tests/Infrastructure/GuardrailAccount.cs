using Amazon.Runtime;

namespace IamHarden.Aws.Tests.Infrastructure;

/// <summary>
/// The account the plan/apply tests start from, seeded through IamHarden's own client: groups Admins (full access),
/// Developers and Ops (empty); users admin (the caller: long-term keys, an MFA device, in Admins), alice (Admins, MFA),
/// bob and carol (Developers; carol without MFA) and victor (break-glass: MFA, full access attached directly, no
/// groups). Policy documents and configurations are in tests/fixtures/apply.
/// </summary>
internal static class GuardrailAccount
{
    public const string Account = "123456789012";
    public static string Arn(string resource) => $"arn:aws:iam::{Account}:{resource}";

    /// <summary>Seeds the account and returns the caller's (admin's) credentials.</summary>
    public static async Task<BasicAWSCredentials> SeedAsync(IamClient iam, CancellationToken ct)
    {
        async Task Send(QueryRequest request) => await iam.SendAsync(request, ct);
        var admin = await iam.CreatePolicyAsync("AdminAccess", Fixture("admin-access.json"), cancellationToken: ct);
        var developer = await iam.CreatePolicyAsync("DeveloperAccess", Fixture("developer-access.json"), cancellationToken: ct);
        foreach (var group in new[] { "Admins", "Developers", "Ops" })
            await Send(new QueryRequest("CreateGroup").Add("GroupName", group));
        await iam.AttachGroupPolicyAsync("Admins", admin.Arn, ct);
        await iam.AttachGroupPolicyAsync("Developers", developer.Arn, ct);
        foreach (var (user, group) in new[] { ("admin", "Admins"), ("alice", "Admins"), ("bob", "Developers"), ("carol", "Developers"), ("victor", null) })
        {
            await Send(new QueryRequest("CreateUser").Add("UserName", user));
            if (group is not null) await Send(new QueryRequest("AddUserToGroup").Add("GroupName", group).Add("UserName", user));
        }
        await Send(new QueryRequest("AttachUserPolicy").Add("UserName", "victor").Add("PolicyArn", admin.Arn));
        foreach (var user in new[] { "admin", "alice", "bob", "victor" })
            await EnableMfaAsync(iam, user, ct);
        var key = (await iam.SendAsync(new QueryRequest("CreateAccessKey").Add("UserName", "admin"), ct)).RequiredResult;
        return new BasicAWSCredentials(Text(key, "AccessKeyId"), Text(key, "SecretAccessKey"));
    }

    public static async Task EnableMfaAsync(IamClient iam, string user, CancellationToken ct)
    {
        var device = await iam.SendAsync(new QueryRequest("CreateVirtualMFADevice").Add("VirtualMFADeviceName", user), ct);
        var serial = Text(device.RequiredResult, "SerialNumber");
        await iam.SendAsync(new QueryRequest("EnableMFADevice").Add("UserName", user).Add("SerialNumber", serial)
            .Add("AuthenticationCode1", "123456").Add("AuthenticationCode2", "654321"), ct);
    }

    // Plain LINQ to XML: this file is also compiled into the CLI tests, which do not see IamHarden.Aws's internals.
    private static string Text(System.Xml.Linq.XElement result, string name) =>
        result.Descendants().First(e => e.Name.LocalName == name).Value;

    public static string Fixture(string name) => File.ReadAllText(ConfigPath(name));

    /// <summary>The path of a file in tests/fixtures/apply, copied beside the test assembly.</summary>
    public static string ConfigPath(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "apply", name);

    /// <summary>A session as the seeded caller (admin), through <paramref name="endpoint"/> (moto or a proxy in front of it).</summary>
    public static Task<AwsSession> ConnectAsync(Uri endpoint, AWSCredentials credentials, AwsRetryOptions? retry = null) =>
        AwsSession.ConnectAsync(new AwsClientOptions { EndpointUrl = endpoint, Credentials = credentials, Retry = retry ?? TestSessions.FastRetry }, Timeouts.Default);
}
