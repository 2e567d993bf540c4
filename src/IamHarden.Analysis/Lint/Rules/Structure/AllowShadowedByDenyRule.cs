using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Structure;

/// <summary>ALLOW_SHADOWED_BY_DENY: an Allow that an unconditional Deny of the same policy entirely overrides.</summary>
public sealed class AllowShadowedByDenyRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "ALLOW_SHADOWED_BY_DENY",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Structure,
        Title = "An Allow that a Deny in the same policy always overrides",
        Description = "An explicit Deny wins over any Allow. When an unconditional Deny of the same policy covers every request an Allow covers, the Allow never grants anything: the policy does not do what its author meant, whichever statement is the mistake.",
        Fix = "Narrow the Deny (an exception in NotAction/NotResource, or a condition), or remove the Allow.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var allow in context.Statements.Where(s => s.IsAllow))
        {
            var deny = context.Statements.FirstOrDefault(d => d.IsDeny && !d.HasConditions && StatementCoverage.Covers(d, allow));
            if (deny is null) continue;
            context.Report(Definition, allow.Statement.Span with { Length = 1 }, allow.JsonPath,
                $"statement {allow.Statement.Label} never allows anything: statement {deny.Statement.Label} denies every request it covers, without conditions");
        }
    }
}
