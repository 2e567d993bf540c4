using IamHarden.Core.Policy;

namespace IamHarden.Aws.Apply;

/// <summary>
/// One guardrail as the configuration wants it: a customer managed policy (name, path, document) attached to exactly
/// these groups. A guardrail is managed only when the configuration names its groups (<c>mfa.groups</c>,
/// <c>ipRestriction.groups</c>), so an audit-only configuration never detaches anything.
/// </summary>
/// <param name="Kind">Which guardrail.</param>
/// <param name="PolicyName">The policy's name (unique in the account, case-insensitively).</param>
/// <param name="Path">The policy's path (<c>policyPath</c>), e.g. <c>/</c> or <c>/security/</c>.</param>
/// <param name="Document">The policy document the generator writes.</param>
/// <param name="Groups">The groups that must hold the policy; every other group loses it.</param>
public sealed record DesiredGuardrail(GuardrailKind Kind, string PolicyName, string Path, PolicyDocument Document, IReadOnlyList<string> Groups)
{
    /// <summary>The document as sent to IAM: compact canonical JSON.</summary>
    public string DocumentJson { get; } = PolicyPrinter.Print(Document, indented: false);

    /// <summary>The policy's ARN in <paramref name="account"/>.</summary>
    public string ArnIn(string partition, string account) => $"arn:{partition}:iam::{account}:policy{Path}{PolicyName}";

    /// <summary>The configuration key of the group list, for messages (<c>mfa.groups</c>).</summary>
    public string GroupsKey => Kind.ConfigKey() + ".groups";
}
