using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>INVALID_SERVICE_IN_ACTION: an action's service prefix is not an AWS service.</summary>
public sealed class InvalidServiceInActionRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "INVALID_SERVICE_IN_ACTION",
        Severity = DiagnosticSeverity.Error,
        AwsManagedSeverity = DiagnosticSeverity.Warning,
        Category = LintCategory.Catalog,
        Title = "An action names a service that does not exist",
        Description = "The part of an action before the colon must be a service prefix from the AWS Service Authorization Reference (\"iam\", \"s3\", \"ec2\"). An unknown prefix, usually a typo (\"iamm:\", \"S3 :\") or a product name instead of its prefix (\"cloudwatchlogs:\" for \"logs:\"), matches no request: in an Allow it grants nothing, in a NotAction list it excepts nothing. Checked against the catalog shipped with IamHarden (see docs/CATALOG.md for its date); in AWS managed policies, where AWS keeps retired names, it is a warning.",
        Fix = "Use the service prefix the message suggests.",
        AccessAnalyzerCode = "INVALID_SERVICE_IN_ACTION",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            for (int i = 0; i < statement.Actions.Length; i++)
            {
                var action = statement.Actions[i];
                if (action.ServicePrefix is not { } prefix || prefix.AsSpan().IndexOfAny('*', '?') >= 0) continue;
                if (context.Catalog.FindService(prefix) is not null) continue;
                var suggestion = context.CatalogFacts.SuggestService(prefix);
                context.Report(Definition, action.Value.Span, statement.ActionPath(i),
                    $"\"{prefix}\" in \"{action.Text}\" is not an AWS service prefix" + (suggestion is null ? "" : $"; did you mean \"{suggestion}\"?"),
                    suggestion is null ? null : $"write \"{suggestion}{action.Text[prefix.Length..]}\"");
            }
        }
    }
}
