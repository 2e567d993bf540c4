using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>INVALID_ARN_ACCOUNT: the account part of an ARN is not a 12-digit account ID.</summary>
public sealed class InvalidArnAccountRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "INVALID_ARN_ACCOUNT",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Catalog,
        Title = "An ARN with something other than an account ID in its account part",
        Description = "The fifth part of an ARN is the 12-digit ID of the account that owns the resource (empty for S3 buckets, \"aws\" for AWS managed policies). An account alias, an ID with dashes (1111-2222-3333) or with a digit missing matches no resource.",
        Fix = "Write the 12-digit account ID without dashes, or \"*\".",
        AccessAnalyzerCode = "INVALID_ARN_ACCOUNT",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var (value, arn, path) in ResourceArns.Of(statement))
            {
                var account = arn.Account;
                if (arn.ComponentCount < 6 || account.Length == 0 || account == "aws" || ArnText.IsPattern(account)) continue;
                if (account.Length == 12 && account.All(char.IsAsciiDigit)) continue;
                var digits = new string(account.Where(char.IsAsciiDigit).ToArray());
                context.Report(Definition, value.Span, path,
                    $"\"{account}\" in \"{value.Value}\" is not a 12-digit account ID",
                    digits.Length == 12 ? $"write \"{digits}\"" : null);
            }
        }
    }
}
