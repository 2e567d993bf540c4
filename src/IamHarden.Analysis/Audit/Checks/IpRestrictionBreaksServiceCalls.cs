using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Audit.Checks;

/// <summary>
/// ip_restriction_breaks_service_calls: a source-IP Deny without the aws:ViaAWSService guard also
/// denies the calls AWS services make with the user's credentials (CloudFormation, Athena, the
/// console's own back-end calls), which come from AWS's addresses. Decided by evaluating each
/// policy: the same request is allowed from an approved address and denied when a service makes it.
/// </summary>
public sealed class IpRestrictionBreaksServiceCalls : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "ip_restriction_breaks_service_calls",
        Subject = "managed policy",
        Severity = Severity.Medium,
        Title = new("The IP restriction lets AWS services act for the user", "IP 제한이 사용자를 대신한 AWS 서비스 호출을 허용함"),
        Risk = new("Without the aws:ViaAWSService guard, services that call other services on the user's behalf fail from inside the approved network too, and people work around the guardrail.",
            "aws:ViaAWSService 예외가 없으면 사용자를 대신해 다른 서비스를 호출하는 서비스가 승인된 네트워크 안에서도 실패하여, 보호 장치를 우회하게 됩니다."),
        Logic = "For each customer policy with a Deny on NotIpAddress aws:SourceIp, evaluates it next to an allow-all policy: s3:CreateBucket from an address the statement approves must be allowed, and the same request made by CloudFormation for the user (aws:ViaAWSService \"true\", aws:CalledVia, from an AWS address) must not be explicitly denied. Fires when it is; the counterexample names a user who holds the policy.",
        Remediation = new("Add \"Bool\": {\"aws:ViaAWSService\": \"false\"} to the Deny statement's condition (the recommended policy does).",
            "Deny 문의 조건에 \"Bool\": {\"aws:ViaAWSService\": \"false\"}를 추가하십시오(권장 정책에 포함됨)."),
        FixCommand = "iamharden policy ip --cidr <CIDR>   # the recommended variant includes the aws:ViaAWSService guard",
        GuideSection = "3",
        IsmsP = ["2.6.6"],
    };

    private static readonly CompiledPolicy AllowAll =
        CompiledPolicy.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", "allow-all");

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        Dictionary<string, Snapshot.IamUser>? holders = null;
        foreach (var (subject, name, document) in context.Snapshot.CustomerPolicies())
        {
            var ipDenies = document.Statements.Where(s => s.Effect == Effect.Deny && s.Conditions.Any(c =>
                c.Operator.Kind == ConditionOperatorKind.NotIpAddress && c.Key.Value.Equals("aws:SourceIp", StringComparison.OrdinalIgnoreCase))).ToList();
            if (ipDenies.Count == 0) continue;
            var policy = CompiledPolicy.Compile(document, name);
            var set = PolicySet.OfIdentity(policy, AllowAll);
            foreach (var statement in ipDenies)
            {
                // An address the statement approves: the first value of its NotIpAddress condition.
                var inside = statement.Conditions.First(c => c.Operator.Kind == ConditionOperatorKind.NotIpAddress).Values.FirstOrDefault().Value;
                if (inside is null || !IamHarden.Core.Values.IpRange.TryParse(inside, out var range)) continue;
                var approved = range.Network.BaseAddress.ToString();
                // CloudFormation creating a stack calls other services with the user's credentials, from AWS's address space.
                // Replay it as a user who holds the policy, so the example runs against real effective policies.
                holders ??= FirstHolders(context);
                var holder = holders.GetValueOrDefault(subject);
                var principal = holder?.Arn ?? $"arn:aws:iam::{context.Snapshot.AccountId}:user/example";
                var direct = Request(approved, viaService: false, principal);
                var viaService = Request("52.94.0.10", viaService: true, principal);
                if (PolicyEvaluator.Decide(set, direct) != Decision.Allowed || PolicyEvaluator.Decide(set, viaService) != Decision.ExplicitDeny) continue;
                yield return new Finding
                {
                    Check = Definition,
                    Subject = subject,
                    Message = new($"Policy {name} (statement {statement.Label}) denies requests that AWS services make for the user (aws:ViaAWSService \"true\", from an AWS address), although the same request is allowed from {approved}.",
                        $"정책 {name}(문 {statement.Label})이(가) 사용자를 대신한 AWS 서비스 요청(aws:ViaAWSService \"true\", AWS 주소)을 거부합니다. 같은 요청이 {approved}에서는 허용됩니다."),
                    Counterexample = new Counterexample(viaService, "explicitly denied when an AWS service makes the call for the user", Proven: true) { UserName = holder?.Name },
                };
                break;
            }
        }
    }

    /// <summary>
    /// For each managed policy ARN and each user or group ARN (inline holders): the first user
    /// who holds it — attached directly, through a group, or as the inline holder itself.
    /// </summary>
    private static Dictionary<string, Snapshot.IamUser> FirstHolders(AuditContext context)
    {
        var result = new Dictionary<string, Snapshot.IamUser>(StringComparer.Ordinal);
        foreach (var user in context.Users)
        {
            result.TryAdd(user.Arn, user);
            foreach (var attached in user.AttachedPolicies) result.TryAdd(attached.Arn, user);
            foreach (var group in user.GroupNames.Select(context.Snapshot.FindGroup).OfType<Snapshot.IamGroup>())
            {
                result.TryAdd(group.Arn, user);
                foreach (var attached in group.AttachedPolicies) result.TryAdd(attached.Arn, user);
            }
        }
        return result;
    }

    private static AuthorizationRequest Request(string sourceIp, bool viaService, string principalArn)
    {
        var context = new RequestContext()
            .Set("aws:SourceIp", sourceIp)
            .Set("aws:ViaAWSService", viaService ? "true" : "false")
            .Set("aws:MultiFactorAuthPresent", "true");
        if (viaService) context.SetList("aws:CalledVia", ["cloudformation.amazonaws.com"]);
        return new AuthorizationRequest(PrincipalIdentity.Parse(principalArn), "s3:CreateBucket", "arn:aws:s3:::example-bucket", context);
    }
}
