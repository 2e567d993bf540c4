using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;
using IamHarden.Core.Text;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>INVALID_GLOBAL_CONDITION_KEY: an aws: condition key that does not exist.</summary>
public sealed class InvalidGlobalConditionKeyRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "INVALID_GLOBAL_CONDITION_KEY",
        Severity = DiagnosticSeverity.Error,
        AwsManagedSeverity = DiagnosticSeverity.Warning,
        Category = LintCategory.Catalog,
        Title = "An aws: condition key that does not exist",
        Description = "Keys with the aws: prefix are AWS's global condition keys (aws:SourceIp, aws:MultiFactorAuthPresent, aws:PrincipalTag/...). A misspelt one (\"aws:SourceIP\" is fine, keys are case-insensitive, but \"aws:SoruceIp\" or \"aws:MFAPresent\" are not) is never present in a request: a positive condition on it is always false, a negated one always true. For the MFA and IP policies that means a Deny that never applies, or applies to everything.",
        Fix = "Use the key the message suggests.",
        AccessAnalyzerCode = "INVALID_GLOBAL_CONDITION_KEY",
    };

    public override LintRuleInfo Info => Definition;

    /// <summary>Keys AWS retired, with what replaced them (Access Analyzer: "Unsupported global condition key").</summary>
    private static readonly Dictionary<string, string> RetiredKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["aws:ARN"] = "\"aws:PrincipalArn\" (the caller) or \"aws:SourceArn\" (the resource a service acts for)",
    };

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var condition in statement.Statement.Conditions)
            {
                var key = condition.Key.Value;
                if (!ConditionKeys.IsGlobalPrefix(key) || ConditionKeys.IsUncheckable(key)) continue;
                if (ConditionKeys.Find(context.Catalog, key) is not null || ConditionKeys.LacksTagName(context.Catalog, key)) continue;
                if (RetiredKeys.TryGetValue(key, out var instead))
                {
                    context.Report(Definition, condition.Key.Span, condition.JsonPath,
                        $"\"{key}\" is no longer a supported global condition key, so it is never present in a request; use {instead}",
                        $"write {instead}");
                    continue;
                }
                var suggestion = FuzzyMatch.Best(key, context.CatalogFacts.GlobalKeyNames);
                context.Report(Definition, condition.Key.Span, condition.JsonPath,
                    $"\"{key}\" is not a global condition key, so it is never present in a request" + (suggestion is null ? "" : $"; did you mean \"{suggestion}\"?"),
                    suggestion is null ? null : $"write \"{suggestion}\"");
            }
        }
    }
}
