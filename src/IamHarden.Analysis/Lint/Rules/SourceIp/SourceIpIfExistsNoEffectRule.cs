using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.SourceIp;

/// <summary>SOURCE_IP_IF_EXISTS_NO_EFFECT: NotIpAddressIfExists in a Deny, which does not exempt VPC endpoint requests.</summary>
public sealed class SourceIpIfExistsNoEffectRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "SOURCE_IP_IF_EXISTS_NO_EFFECT",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.SourceIpTraps,
        Title = "NotIpAddressIfExists on aws:SourceIp does not exempt VPC endpoint requests",
        Description = "Requests that reach AWS through a VPC endpoint carry no aws:SourceIp. NotIpAddress is true for an absent key, and so is NotIpAddressIfExists: the IfExists changes nothing, and the Deny still denies every request through a VPC endpoint, including those from inside the corporate network. Authors usually add IfExists hoping for the opposite.",
        Fix = "Write NotIpAddress, and exempt VPC endpoint traffic explicitly: \"StringNotEqualsIfExists\": {\"aws:SourceVpce\": [\"vpce-...\"]} in the same Condition block (`iamharden policy ip --vpce ...`).",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsDeny) continue;
            foreach (var condition in SourceIpConditions.Of(statement))
            {
                if (condition.Operator is not { Kind: ConditionOperatorKind.NotIpAddress, IfExists: true, Qualifier: SetQualifier.None }) continue;
                context.Report(Definition, condition.OperatorSpan, condition.JsonPath,
                    "requests through a VPC endpoint carry no aws:SourceIp, and \"NotIpAddressIfExists\" is true for them exactly like NotIpAddress: this Deny still denies them",
                    "write \"NotIpAddress\" and exempt approved VPC endpoints with \"StringNotEqualsIfExists\": {\"aws:SourceVpce\": [...]}");
            }
        }
    }
}
