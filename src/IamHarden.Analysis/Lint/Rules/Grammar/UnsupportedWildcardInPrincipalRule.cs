using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>UNSUPPORTED_WILDCARD_IN_PRINCIPAL: a wildcard inside a principal value ("arn:aws:iam::111122223333:user/*").</summary>
public sealed class UnsupportedWildcardInPrincipalRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "UNSUPPORTED_WILDCARD_IN_PRINCIPAL",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Grammar,
        Title = "A wildcard inside a principal value",
        Description = "Principal values are matched exactly: \"*\" alone (\"Principal\": \"*\" or {\"AWS\": \"*\"}) means anyone, but a wildcard inside a value (user/*, role/app-*, arn:aws:iam::*:root) is not a pattern. AWS rejects the policy, or the value matches nothing. To match principals by pattern, name the accounts in Principal and compare aws:PrincipalArn with ArnLike in a condition.",
        Fix = "Name the principals exactly, or use \"Principal\": {\"AWS\": \"ACCOUNT-ID\"} with \"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::ACCOUNT-ID:role/app-*\"}.",
        AccessAnalyzerCode = "UNSUPPORTED_WILDCARD_IN_PRINCIPAL",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var (entry, path, element) in PrincipalValues.Of(statement))
            {
                var value = entry.Value.Value;
                if (value == "*" && entry.Type == PrincipalType.AWS) continue;
                if (value.IndexOfAny(['*', '?']) < 0) continue;
                context.Report(Definition, entry.Value.Span, path,
                    $"\"{value}\" has a wildcard, which {element} does not expand: only \"*\" on its own means anyone",
                    "name the principals exactly, or match them with \"ArnLike\" on aws:PrincipalArn in a condition");
            }
        }
    }
}
