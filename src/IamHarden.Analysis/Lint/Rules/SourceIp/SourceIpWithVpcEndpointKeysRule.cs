using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.SourceIp;

/// <summary>SOURCE_IP_WITH_VPC_ENDPOINT_KEYS: one statement requires both aws:SourceIp and a VPC endpoint key, which never occur together.</summary>
public sealed class SourceIpWithVpcEndpointKeysRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "SOURCE_IP_WITH_VPC_ENDPOINT_KEYS",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.SourceIpTraps,
        Title = "A statement requires both aws:SourceIp and a VPC endpoint key",
        Description = "aws:SourceIp is present only on requests over the public network; aws:SourceVpc, aws:SourceVpce and aws:VpcSourceIp only on requests through a VPC endpoint. Conditions in one block are AND-ed, so a statement that requires a match on aws:SourceIp and on one of the VPC keys can never apply: \"allow from the office or from our VPC\" written in one statement allows from neither.",
        Fix = "Write two statements: one with the aws:SourceIp condition, one with the VPC endpoint condition (conditions in separate statements are OR-ed).",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            var sourceIp = SourceIpConditions.Of(statement).FirstOrDefault(c => c.Operator is { IsNegated: false, IfExists: false, Qualifier: SetQualifier.None });
            if (sourceIp is null) continue;
            var vpc = statement.Statement.Conditions.FirstOrDefault(c =>
                GlobalKeys.VpcEndpointKeys.Any(k => GlobalKeys.Is(c.Key.Value, k))
                && c.Operator is { IsNegated: false, IfExists: false, Qualifier: SetQualifier.None } op && op.Kind != ConditionOperatorKind.Null);
            if (vpc is null) continue;
            context.Report(Definition, vpc.Key.Span, vpc.JsonPath,
                $"\"{vpc.Key.Value}\" is present only on requests through a VPC endpoint, and aws:SourceIp (required by \"{sourceIp.Operator.Name}\" in the same block) only on requests that do not use one: this statement never applies",
                "split it into two statements, one per condition");
        }
    }
}
