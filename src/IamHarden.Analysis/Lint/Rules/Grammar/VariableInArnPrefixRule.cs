using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>VARIABLE_IN_ARN_PREFIX: a policy variable in the partition, service, region or account of a Resource ARN.</summary>
public sealed class VariableInArnPrefixRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "VARIABLE_IN_ARN_PREFIX",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Grammar,
        Title = "A policy variable before the resource part of an ARN",
        Description = "AWS documents policy variables in Resource ARNs for the resource part only (after the fifth colon). A variable in the partition, service, Region or account (arn:aws:s3:::${aws:PrincipalAccount}-bucket is fine; arn:aws:kms:*:${aws:PrincipalAccount}:key/* is not documented) is substituted in practice, and AWS's own managed policies use it for the account, but it is outside what AWS promises; IamHarden substitutes it as well.",
        Fix = "Write \"*\" in that part and restrict it with a condition, e.g. \"StringEquals\": {\"aws:ResourceAccount\": \"${aws:PrincipalAccount}\"}.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        if (!context.SubstitutesVariables) return;
        foreach (var statement in context.Statements)
        {
            foreach (var (value, arn, path) in ResourceArns.Of(statement))
            {
                var where = new[] { ("partition", arn.Partition), ("service", arn.Service), ("Region", arn.Region), ("account", arn.Account) }
                    .FirstOrDefault(c => c.Item2.Contains("${", StringComparison.Ordinal));
                if (where.Item1 is null) continue;
                context.Report(Definition, value.Span, path,
                    $"\"{value.Value}\" has a variable in its {where.Item1} (\"{where.Item2}\"); AWS documents variables only in the resource part of an ARN",
                    where.Item1 == "account" ? "write \"*\" for the account and add \"StringEquals\": {\"aws:ResourceAccount\": \"${aws:PrincipalAccount}\"}" : null);
            }
        }
    }
}
