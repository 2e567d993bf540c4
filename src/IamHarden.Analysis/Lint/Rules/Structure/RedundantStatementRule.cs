using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Structure;

/// <summary>REDUNDANT_STATEMENT: a statement whose every request another statement of the same effect already covers.</summary>
public sealed class RedundantStatementRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "REDUNDANT_STATEMENT",
        Severity = DiagnosticSeverity.Suggestion,
        Category = LintCategory.Structure,
        Title = "A statement another statement already covers",
        Description = "Every request this statement applies to is also covered by another statement with the same effect and no more conditions. It changes nothing today, and when someone later tightens one copy and not the other the policy still grants (or denies) what they removed.",
        Fix = "Remove the redundant statement, or merge the two.",
        AccessAnalyzerCode = "REDUNDANT_STATEMENT",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        var statements = context.Statements;
        for (int j = 0; j < statements.Length; j++)
        {
            for (int i = 0; i < statements.Length; i++)
            {
                if (i == j || statements[i].Statement.Effect != statements[j].Statement.Effect) continue;
                if (!StatementCoverage.Covers(statements[i], statements[j])) continue;
                // Two statements that cover each other: report only the later one.
                if (i > j && StatementCoverage.Covers(statements[j], statements[i])) continue;
                var verb = statements[j].IsAllow ? "allows" : "denies";
                context.Report(Definition, statements[j].Statement.Span with { Length = 1 }, statements[j].JsonPath,
                    $"statement {statements[j].Statement.Label} {verb} nothing that statement {statements[i].Statement.Label} does not already {verb[..^1]}",
                    "remove it or merge the two statements");
                break;
            }
        }
    }
}
