using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.SourceIp;

/// <summary>SOURCE_IP_IF_EXISTS_ALLOWS_VPC_ENDPOINTS: IpAddressIfExists in an Allow, which allows every VPC endpoint request from anywhere.</summary>
public sealed class SourceIpIfExistsAllowsVpcEndpointsRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "SOURCE_IP_IF_EXISTS_ALLOWS_VPC_ENDPOINTS",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.SourceIpTraps,
        Title = "IpAddressIfExists on aws:SourceIp allows every request through a VPC endpoint",
        Description = "Requests that reach AWS through a VPC endpoint carry no aws:SourceIp, and IpAddressIfExists is true when the key is absent. An Allow written this way therefore allows every VPC endpoint request, from any VPC in any account: stolen credentials used through an endpoint in the attacker's own VPC pass the IP restriction.",
        Fix = "Write IpAddress, and allow VPC endpoint traffic in a separate statement that names your endpoints or VPCs (aws:SourceVpce, aws:SourceVpc).",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsAllow) continue;
            foreach (var condition in SourceIpConditions.Of(statement))
            {
                if (condition.Operator is not { Kind: ConditionOperatorKind.IpAddress, IfExists: true, Qualifier: SetQualifier.None }) continue;
                context.Report(Definition, condition.OperatorSpan, condition.JsonPath,
                    "requests through a VPC endpoint carry no aws:SourceIp, and \"IpAddressIfExists\" is true for them: this Allow applies to every VPC endpoint request, from any network and any account's VPC",
                    "write \"IpAddress\" and allow your own endpoints separately with aws:SourceVpce");
            }
        }
    }
}
