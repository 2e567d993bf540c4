using IamHarden.Analysis.Audit.Access;

namespace IamHarden.Analysis.Audit.Checks;

/// <summary>
/// ip_restriction_enforced: a user in the configured scope (by default administrators — anyone
/// allowed IAM actions that grant privileges) cannot make any request from outside allowedCidrs.
/// Break-glass users are exempt (they must keep working when the VPN fails).
/// </summary>
public sealed class IpRestrictionEnforced : IAuditCheck
{
    public static CheckMetadata Definition { get; } = new()
    {
        Id = "ip_restriction_enforced",
        Subject = "user",
        Severity = Severity.High,
        Title = new("Administrators can act only from approved networks", "관리자는 승인된 네트워크에서만 작업할 수 있음"),
        Risk = new("Stolen administrator credentials work from anywhere on the internet.",
            "탈취된 관리자 자격 증명이 인터넷 어디에서나 사용될 수 있습니다."),
        Logic = "For each user in ipRestriction.scope — admins (the default: some IAM permissions-management action, or everything, is allowed), console-users or all-users — except break-glass users, looks for a request the effective policies allow from an address outside allowedCidrs (public addresses and the addresses just outside each range) or through a VPC endpoint and from a private address that no policy approves (aws:SourceIp absent: an attacker can bring an endpoint of their own), over every action class and future actions. The allowed request is the counterexample. Without allowedCidrs it reports, as info, that it could not run.",
        Remediation = new("Attach the recommended IP-restriction policy (allowedCidrs, with the aws:ViaAWSService guard) to the administrators' groups, after checking your own address is inside.",
            "본인의 현재 IP가 포함되어 있는지 확인한 뒤, 권장 IP 제한 정책(allowedCidrs, aws:ViaAWSService 예외 포함)을 관리자 그룹에 연결하십시오."),
        FixCommand = "iamharden policy ip --cidr <CIDR> --format terraform --group <ADMIN_GROUP>   # or: iamharden plan/apply with ipRestriction.groups",
        GuideSection = "3",
        IsmsP = ["2.6.6", "2.6.1"],
    };

    public CheckMetadata Metadata => Definition;

    public IEnumerable<Finding> Run(AuditContext context)
    {
        if (context.AllowedRanges.Count == 0)
        {
            yield return new Finding
            {
                Check = Definition,
                Subject = context.Snapshot.RootArn,
                SeverityOverride = Severity.Info,
                Message = new("No approved networks are configured (allowedCidrs), so the IP restriction of administrators was not checked.",
                    "승인된 네트워크(allowedCidrs)가 설정되지 않아 관리자 IP 제한을 점검하지 않았습니다."),
            };
            yield break;
        }
        foreach (var user in context.Users)
        {
            if (context.IsBreakGlass(user) || !context.InIpScope(user)) continue;
            var answer = context.AllowedFromOutside(user);
            if (answer.Kind == AccessAnswerKind.Found)
            {
                yield return new Finding
                {
                    Check = Definition,
                    Subject = user.Arn,
                    Message = LocalizedText.Later(() => $"User {user.Name} can act from outside the approved networks: {CounterexampleText.Describe(answer)} is allowed.",
                        () => $"사용자 {user.Name}은(는) 승인된 네트워크 밖에서 작업할 수 있습니다: {CounterexampleText.Describe(answer)} 요청이 허용됩니다."),
                    Counterexample = CounterexampleText.From(answer, "allowed from outside allowedCidrs", user),
                };
            }
            else if (answer.Kind == AccessAnswerKind.Unknown)
            {
                yield return new Finding
                {
                    Check = Definition,
                    Subject = user.Arn,
                    SeverityOverride = Severity.Info,
                    Message = LocalizedText.Later(() => $"Whether user {user.Name} is IP-restricted could not be determined: {answer.Note}.",
                        () => $"사용자 {user.Name}의 IP 제한 여부를 판단할 수 없습니다: {answer.Note}."),
                };
            }
        }
    }
}
