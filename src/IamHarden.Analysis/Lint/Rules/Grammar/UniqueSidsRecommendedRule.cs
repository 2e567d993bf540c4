using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>UNIQUE_SIDS_RECOMMENDED: a repeated Sid in a policy type that tolerates it (resource-based policies).</summary>
public sealed class UniqueSidsRecommendedRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "UNIQUE_SIDS_RECOMMENDED",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Grammar,
        Title = "Two statements share a Sid (resource-based policy)",
        Description = "Some services accept repeated Sids in their resource-based policies, but a Sid is how people and tools refer to a statement: a repeated one makes an edit or a removal hit the wrong statement. (IAM and Organizations reject repeated Sids outright: UNIQUE_SIDS_REQUIRED.)",
        Fix = "Give each statement its own Sid.",
        AccessAnalyzerCode = "UNIQUE_SIDS_RECOMMENDED",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        // IAM-stored kinds get the parser's UNIQUE_SIDS_REQUIRED error instead.
        if (context.Kind.HasStrictSids()) return;
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var statement in context.Statements)
        {
            if (statement.Statement.Sid is not { Value.Length: > 0 } sid) continue;
            if (!seen.TryAdd(sid.Value, statement.Statement.Label))
                context.Report(Definition, sid.Span, statement.PathOf("Sid"), $"the Sid \"{sid.Value}\" is already used by statement {seen[sid.Value]}");
        }
    }
}
