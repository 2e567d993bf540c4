using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>WILDCARD_IN_SERVICE_NAME: "*" or "?" in the service part of an action or of an ARN.</summary>
public sealed class WildcardInServiceNameRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "WILDCARD_IN_SERVICE_NAME",
        Severity = DiagnosticSeverity.Suggestion,
        Category = LintCategory.Catalog,
        Title = "A wildcard in a service name",
        Description = "A wildcard in the service part of an action (\"*code*:Get*\") or of an ARN (\"arn:aws:s*:::b\") covers every service whose name fits, including services AWS adds later. AWS documents that ARNs do not support wildcards in the service component at all.",
        Fix = "Name each service: \"codecommit:Get*\", \"codebuild:Get*\".",
        AccessAnalyzerCode = "WILDCARD_IN_SERVICE_NAME",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            for (int i = 0; i < statement.Actions.Length; i++)
            {
                var action = statement.Actions[i];
                if (action.ServicePrefix is { } prefix && prefix.AsSpan().IndexOfAny('*', '?') >= 0)
                    context.Report(Definition, action.Value.Span, statement.ActionPath(i),
                        $"the service part of \"{action.Text}\" has a wildcard and covers {action.Matches.Select(a => a.Service.Prefix).Distinct().Count()} services today, and any added later");
            }
            foreach (var (value, arn, path) in ResourceArns.Of(statement))
            {
                if (arn.ComponentCount >= 3 && arn.Service.AsSpan().IndexOfAny('*', '?') >= 0 && arn.Service != "*")
                    context.Report(Definition, value.Span, path,
                        $"\"{value.Value}\" has a wildcard in its service part (\"{arn.Service}\"); AWS does not support wildcards there");
            }
        }
    }
}
