namespace IamHarden.Aws.Tests.Infrastructure;

/// <summary>
/// Builds a realistic small account through IamHarden's own client: users with paths and tags, groups, customer
/// managed policies with several versions, AWS managed attachments, inline policies on users, groups and roles, a
/// permissions boundary, MFA devices (enabled and unassigned), access keys, console passwords, roles with an instance
/// profile, and a password policy. Policy documents come from Fixtures/Seed.
/// </summary>
internal static class AccountSeeder
{
    public const string Account = "123456789012";

    public static async Task SeedAsync(IamClient iam, bool withAwsManagedPolicies, CancellationToken ct)
    {
        async Task Send(QueryRequest request) => await iam.SendAsync(request, ct);
        static string Doc(string name) => File.ReadAllText(TestEnvironment.Fixture($"Seed/{name}.json"));

        await Send(new QueryRequest("UpdateAccountPasswordPolicy")
            .Add("MinimumPasswordLength", 14).Add("RequireSymbols", true).Add("RequireNumbers", true)
            .Add("RequireUppercaseCharacters", true).Add("RequireLowercaseCharacters", true)
            .Add("AllowUsersToChangePassword", true).Add("MaxPasswordAge", 90).Add("PasswordReusePrevention", 24));

        var forceMfa = await iam.CreatePolicyAsync("Force_MFA", Doc("force-mfa-v1"), "/security/", "The guide's MFA policy",
            [new IamTag("owner", "security"), new IamTag("팀", "보안")], ct);
        await iam.CreatePolicyVersionAsync(forceMfa.Arn, Doc("force-mfa-v2"), setAsDefault: true, ct);
        var ipPolicy = await iam.CreatePolicyAsync("Deny_Outside_Office", Doc("ip-restriction"), cancellationToken: ct);
        var billing = await iam.CreatePolicyAsync("ReadBilling", Doc("read-billing"), description: "", cancellationToken: ct);
        var boundary = await iam.CreatePolicyAsync("DeveloperBoundary", Doc("boundary"), "/boundaries/", cancellationToken: ct);
        await iam.CreatePolicyAsync("Unattached+Policy", Doc("unusual-text"), cancellationToken: ct);

        await Send(new QueryRequest("CreateGroup").Add("GroupName", "Admins"));
        await Send(new QueryRequest("CreateGroup").Add("GroupName", "Developers").Add("Path", "/eng/"));
        await Send(new QueryRequest("CreateGroup").Add("GroupName", "Empty"));
        await iam.AttachGroupPolicyAsync("Admins", forceMfa.Arn, ct);
        await iam.AttachGroupPolicyAsync("Admins", ipPolicy.Arn, ct);
        await iam.AttachGroupPolicyAsync("Developers", forceMfa.Arn, ct);
        await Send(new QueryRequest("PutGroupPolicy").Add("GroupName", "Developers").Add("PolicyName", "unusual")
            .Add("PolicyDocument", Doc("unusual-text")));

        (string Name, string Path)[] users =
            [("alice", "/eng/"), ("bob", "/"), ("carol", "/ops/team/"), ("dave", "/"), ("break-glass", "/emergency/")];
        foreach (var (name, path) in users)
            await Send(new QueryRequest("CreateUser").Add("UserName", name).Add("Path", path));
        await Send(new QueryRequest("TagUser").Add("UserName", "alice")
            .AddTags([new("team", "security"), new("이름", "앨리스 \"A\" <a&b>")]));
        await Send(new QueryRequest("AddUserToGroup").Add("GroupName", "Admins").Add("UserName", "alice"));
        await Send(new QueryRequest("AddUserToGroup").Add("GroupName", "Developers").Add("UserName", "alice"));
        await Send(new QueryRequest("AddUserToGroup").Add("GroupName", "Developers").Add("UserName", "bob"));
        await Send(new QueryRequest("AddUserToGroup").Add("GroupName", "Developers").Add("UserName", "carol"));
        await Send(new QueryRequest("PutUserPolicy").Add("UserName", "bob").Add("PolicyName", "deny-outside-office")
            .Add("PolicyDocument", Doc("ip-restriction")));
        await Send(new QueryRequest("AttachUserPolicy").Add("UserName", "dave").Add("PolicyArn", billing.Arn));
        // moto 5.2 answers PutUserPermissionsBoundary with an HTTP 500, so carol's boundary is set on a role instead.

        foreach (var name in new[] { "alice", "bob", "break-glass" })
            await Send(new QueryRequest("CreateLoginProfile").Add("UserName", name).Add("Password", "Correct-Horse-9!").Add("PasswordResetRequired", name == "bob"));
        await Send(new QueryRequest("CreateAccessKey").Add("UserName", "bob"));
        await Send(new QueryRequest("CreateAccessKey").Add("UserName", "bob"));
        await Send(new QueryRequest("CreateAccessKey").Add("UserName", "carol"));

        foreach (var name in new[] { "alice", "break-glass" })
        {
            var device = await iam.SendAsync(new QueryRequest("CreateVirtualMFADevice").Add("VirtualMFADeviceName", name), ct);
            var serial = device.RequiredResult.Child("VirtualMFADevice")!.ChildText("SerialNumber")!;
            await Send(new QueryRequest("EnableMFADevice").Add("UserName", name).Add("SerialNumber", serial)
                .Add("AuthenticationCode1", "123456").Add("AuthenticationCode2", "654321"));
        }
        await Send(new QueryRequest("CreateVirtualMFADevice").Add("VirtualMFADeviceName", "spare").Add("Path", "/spares/")
            .AddTags([new("state", "unassigned")]));

        await Send(new QueryRequest("CreateRole").Add("RoleName", "Auditor").Add("AssumeRolePolicyDocument", Doc("assume-role-mfa"))
            .Add("Description", "Read-only audit role").Add("MaxSessionDuration", 7200).AddTags([new("purpose", "audit")]));
        await Send(new QueryRequest("CreateRole").Add("RoleName", "app-server").Add("Path", "/service/")
            .Add("AssumeRolePolicyDocument", Doc("assume-role-ec2")).Add("PermissionsBoundary", boundary.Arn));
        await Send(new QueryRequest("PutRolePolicy").Add("RoleName", "app-server").Add("PolicyName", "billing-read")
            .Add("PolicyDocument", Doc("read-billing")));
        await Send(new QueryRequest("CreateInstanceProfile").Add("InstanceProfileName", "app-server-profile"));
        await Send(new QueryRequest("AddRoleToInstanceProfile").Add("InstanceProfileName", "app-server-profile").Add("RoleName", "app-server"));

        if (withAwsManagedPolicies)
        {
            await Send(new QueryRequest("AttachRolePolicy").Add("RoleName", "Auditor").Add("PolicyArn", "arn:aws:iam::aws:policy/SecurityAudit"));
            await iam.AttachGroupPolicyAsync("Developers", "arn:aws:iam::aws:policy/ReadOnlyAccess", ct);
        }
    }
}
