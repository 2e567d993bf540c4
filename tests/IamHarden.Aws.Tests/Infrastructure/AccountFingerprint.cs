using System.Text;
using System.Text.Json.Nodes;

namespace IamHarden.Aws.Tests.Infrastructure;

/// <summary>
/// Everything plan/apply may change, as comparable text: each group's attached policies, each customer managed
/// policy with its default document and its other versions' documents (version ids and dates left out, because a
/// rollback restores a deleted version's document under a new id). Two equal fingerprints mean the same state.
/// </summary>
internal static class AccountFingerprint
{
    public static async Task<string> ReadAsync(IamClient iam)
    {
        var details = await iam.GetAccountAuthorizationDetailsAsync(
            AuthorizationDetailsFilter.Group | AuthorizationDetailsFilter.User | AuthorizationDetailsFilter.LocalManagedPolicy, cancellationToken: Timeouts.Default);
        var text = new StringBuilder();
        foreach (var group in details["GroupDetailList"]!.AsArray().OrderBy(g => (string)g!["GroupName"]!, StringComparer.Ordinal))
            text.AppendLine($"group {group!["GroupName"]}: " + string.Join(", ",
                group["AttachedManagedPolicies"]!.AsArray().Select(p => (string)p!["PolicyArn"]!).Order(StringComparer.Ordinal)));
        foreach (var user in details["UserDetailList"]!.AsArray().OrderBy(u => (string)u!["UserName"]!, StringComparer.Ordinal))
            text.AppendLine($"user {user!["UserName"]}: " + string.Join(", ",
                (user["AttachedManagedPolicies"]?.AsArray() ?? []).Select(p => (string)p!["PolicyArn"]!).Order(StringComparer.Ordinal)));
        foreach (var policy in details["Policies"]!.AsArray().OrderBy(p => (string)p!["Arn"]!, StringComparer.Ordinal))
        {
            var versions = policy!["PolicyVersionList"]!.AsArray().Select(v => v!.AsObject()).ToList();
            text.AppendLine($"policy {policy["Arn"]}: default {Document(versions.Single(v => (bool)v["IsDefaultVersion"]!))}");
            foreach (var other in versions.Where(v => !(bool)v["IsDefaultVersion"]!).Select(Document).Order(StringComparer.Ordinal))
                text.AppendLine("  other " + other);
        }
        return text.ToString();
    }

    private static string Document(JsonObject version) => version["Document"]!.ToJsonString();
}
