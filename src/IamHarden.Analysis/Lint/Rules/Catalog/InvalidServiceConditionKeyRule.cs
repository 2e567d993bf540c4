using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;
using IamHarden.Core.Text;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>INVALID_SERVICE_CONDITION_KEY: a service condition key that the service does not define.</summary>
public sealed class InvalidServiceConditionKeyRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "INVALID_SERVICE_CONDITION_KEY",
        Severity = DiagnosticSeverity.Error,
        AwsManagedSeverity = DiagnosticSeverity.Warning,
        Category = LintCategory.Catalog,
        Title = "A service condition key that does not exist",
        Description = "A condition key with a service prefix (\"s3:prefix\", \"iam:PassedToService\") must be one the service defines. An unknown key, misspelt or with no prefix at all (\"SourceIp\"), is never present in a request: a positive condition on it is always false and a negated one always true. Keys named after an identity provider host (token.actions.githubusercontent.com:sub) are not checked.",
        Fix = "Use the key the message suggests; global keys start with aws:.",
        AccessAnalyzerCode = "INVALID_SERVICE_CONDITION_KEY",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var condition in statement.Statement.Conditions)
            {
                var key = condition.Key.Value;
                if (ConditionKeys.IsGlobalPrefix(key) || ConditionKeys.IsUncheckable(key)) continue;
                if (ConditionKeys.Find(context.Catalog, key) is not null || ConditionKeys.LacksTagName(context.Catalog, key)) continue;
                var prefix = ConditionKeys.Prefix(key);
                string? suggestion;
                if (prefix is null)
                    suggestion = FuzzyMatch.Best("aws:" + key, context.CatalogFacts.GlobalKeyNames);
                else
                {
                    var service = context.Catalog.FindService(prefix) ?? (context.Catalog.SuggestService(prefix) is { } p ? context.Catalog.FindService(p) : null);
                    var rest = key[(prefix.Length + 1)..];
                    suggestion = service is null ? null : FuzzyMatch.Best(service.Prefix + ":" + rest, service.ConditionKeys.Select(k => k.Name));
                }
                var what = prefix is null ? "has no service prefix (global keys start with \"aws:\")"
                    : context.Catalog.FindService(prefix) is null ? $"names no AWS service (\"{prefix}\")"
                    : $"is not a condition key of {context.Catalog.FindService(prefix)!.Name}";
                context.Report(Definition, condition.Key.Span, condition.JsonPath,
                    $"\"{key}\" {what}, so it is never present in a request" + (suggestion is null ? "" : $"; did you mean \"{suggestion}\"?"),
                    suggestion is null ? null : $"write \"{suggestion}\"");
            }
        }
    }
}
