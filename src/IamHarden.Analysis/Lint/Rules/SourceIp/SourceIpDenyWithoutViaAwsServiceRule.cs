using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.SourceIp;

/// <summary>SOURCE_IP_DENY_WITHOUT_VIA_AWS_SERVICE: an aws:SourceIp Deny that also denies AWS services acting for the user.</summary>
public sealed class SourceIpDenyWithoutViaAwsServiceRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "SOURCE_IP_DENY_WITHOUT_VIA_AWS_SERVICE",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.SourceIpTraps,
        Title = "aws:SourceIp Deny without the aws:ViaAWSService guard",
        Description = "When an AWS service calls another service with the user's credentials (CloudFormation creating resources, Athena reading S3, the console's own back-end calls), the request comes from the service's address, not the user's. A Deny on NotIpAddress aws:SourceIp without a guard denies those calls too, so the user's own actions from the approved network fail half-way. AWS's example adds \"Bool\": {\"aws:ViaAWSService\": \"false\"} to the same condition block, so the Deny applies only to requests the user makes directly.",
        Fix = "Add \"Bool\": {\"aws:ViaAWSService\": \"false\"} to this statement's Condition block.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsDeny || SourceIpConditions.HasServiceCallGuard(statement)) continue;
            var condition = SourceIpConditions.Of(statement).FirstOrDefault(c => c.Operator is { Kind: ConditionOperatorKind.NotIpAddress, Qualifier: SetQualifier.None });
            if (condition is null) continue;
            context.Report(Definition, condition.OperatorSpan, condition.JsonPath,
                "this Deny also applies when an AWS service (CloudFormation, Athena, ...) calls another service for the user: such calls come from the service's address, not an approved one, and are denied",
                "add \"Bool\": {\"aws:ViaAWSService\": \"false\"} to the Condition block");
        }
    }
}
