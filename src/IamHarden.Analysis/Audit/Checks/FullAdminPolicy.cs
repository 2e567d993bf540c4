using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Audit.Checks;

/// <summary>
/// full_admin_policy: a customer managed policy allows every action on every resource. Decided
/// semantically: an Allow statement that covers an action and resource no policy could name
/// explicitly (so "*", "NotAction" lists and "*"-like patterns are all caught, whatever the name).
/// </summary>
public sealed class FullAdminPolicy : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "full_admin_policy",
        Subject = "managed policy",
        Severity = Severity.High,
        Title = new("No customer managed policy allows \"*\" on \"*\"", "고객 관리형 정책이 \"*\"에 대해 \"*\"를 허용하지 않음"),
        Risk = new("A policy that allows everything makes every holder a full administrator, outside least privilege and hard to review.",
            "모든 것을 허용하는 정책은 보유자 모두를 전체 관리자로 만들며 최소 권한 원칙에 어긋나고 검토가 어렵습니다."),
        Logic = "For each customer managed policy, fires when an Allow statement — its conditions set aside — allows an action of an unknown service on an unknown resource, i.e. everything: \"*\" on \"*\", NotAction lists and \"*\"-like patterns alike, whatever the name. Medium instead of high when the policy is attached to nothing; a policy used only as a permissions boundary is skipped (a boundary grants nothing).",
        Remediation = new("Replace it with policies that allow only the services and actions the holders need; keep full administration for a few MFA- and IP-restricted admins and the break-glass account.",
            "필요한 서비스와 작업만 허용하는 정책으로 교체하고, 전체 관리 권한은 MFA·IP 제한이 적용된 소수의 관리자와 비상(break-glass) 계정에만 두십시오."),
        FixCommand = "aws iam create-policy-version --policy-arn <ARN> --policy-document file://least-privilege.json --set-as-default",
        GuideSection = "6",
        Cis = CheckMetadata.CisIds("1.16", "2.14"),
        IsmsP = ["2.5.5"],
    };

    private static readonly AuthorizationRequest Probe = new(
        PrincipalIdentity.DefaultUser, "iamhardenprobe:AnyAction", "arn:aws:iamhardenprobe:us-east-1:123456789012:thing/probe", new RequestContext());

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        // A permissions boundary that allows "*" grants nothing by itself: it only limits.
        var boundaries = context.Snapshot.Users.Select(u => u.PermissionsBoundaryArn).Concat(context.Snapshot.Roles.Select(r => r.PermissionsBoundaryArn))
            .Where(a => a is not null).ToHashSet(StringComparer.Ordinal);
        foreach (var policy in context.Snapshot.ManagedPolicies.Values.OrderBy(p => p.Arn, StringComparer.Ordinal))
        {
            if (policy.IsAwsManaged || (policy.AttachmentCount == 0 && boundaries.Contains(policy.Arn))) continue;
            var statement = policy.Document.Statements.FirstOrDefault(s => s.Effect == Effect.Allow && CoversEverything(s));
            if (statement is null) continue;
            var conditional = statement.Conditions.Length > 0
                ? ($" when its conditions hold ({string.Join(", ", statement.Conditions.Select(c => c.Operator.Name + " " + c.Key.Value))})",
                   $"(조건 충족 시: {string.Join(", ", statement.Conditions.Select(c => c.Operator.Name + " " + c.Key.Value))})")
                : ("", "");
            yield return new Finding
            {
                Check = Definition,
                Subject = policy.Arn,
                SeverityOverride = policy.AttachmentCount > 0 ? null : Severity.Medium,
                Message = new($"Customer managed policy {policy.Name} allows every action on every resource{conditional.Item1} (statement {statement.Label}); it is attached to {policy.AttachmentCount} principal(s).",
                    $"고객 관리형 정책 {policy.Name}이(가) 모든 리소스에 대한 모든 작업을 허용합니다{conditional.Item2} (문 {statement.Label}); {policy.AttachmentCount}개 주체에 연결되어 있습니다."),
            };
        }
    }

    private static bool CoversEverything(Statement statement)
    {
        // Only a wildcard, a negated list or the probe's own name can match the probe: most
        // statements are ruled out here, without compiling a policy for them.
        if (!MayMatch(statement.Actions, Probe.Action) || !MayMatch(statement.Resources, Probe.Resource)) return false;
        var alone = new PolicyDocument("probe", PolicyKind.Identity, PolicyVersion.V2012_10_17, default, null,
            [statement with { Conditions = [] }], true);
        return PolicyEvaluator.Decide(PolicySet.OfIdentity(CompiledPolicy.Compile(alone)), Probe) == Decision.Allowed;
    }

    private static bool MayMatch(ValueList? patterns, string probe) =>
        patterns is null || patterns.IsNegated || patterns.Values.Any(v =>
            v.Value.Contains('*') || v.Value.Contains('?') || v.Value.Contains("${", StringComparison.Ordinal) || v.Value.Equals(probe, StringComparison.OrdinalIgnoreCase));
}
