using System.Text;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Structure;

/// <summary>POLICY_SIZE_EXCEEDS_QUOTA: the policy is larger than the IAM or Organizations quota for its kind.</summary>
public sealed class PolicySizeExceedsQuotaRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "POLICY_SIZE_EXCEEDS_QUOTA",
        Severity = DiagnosticSeverity.Error,
        Category = LintCategory.Structure,
        Title = "The policy is larger than AWS allows",
        Description = "AWS limits policy size. IAM counts characters without the whitespace between JSON tokens: 6,144 for a customer managed policy (and permissions boundary), 2,048 for all inline policies of a user together, 5,120 of a group, 10,240 of a role, 2,048 for a role trust policy (by default) and a session policy. Organizations allows 5,120 characters for an SCP or RCP and counts whitespace too, as the CLI and SDKs send the text unchanged (the console removes it). AWS rejects a larger policy. Select the quota with --quota; lint checks the one document against it (inline quotas are shared by all inline policies of the identity). AWS managed policies are not checked.",
        Fix = "Split the policy into several, or shorten it: wildcards such as iam:List* instead of long action lists, fewer repeated condition blocks.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        var quota = context.Options.EffectiveQuota;
        if (quota.Limit() is not { } limit || context.Source is not { } source || context.Document.Syntax is not { } root) return;
        var text = Encoding.UTF8.GetString(source.Utf8.Span);
        int withoutWhitespace = PolicySize.CharactersWithoutWhitespace(text);
        if (quota == SizeQuota.OrganizationsPolicy)
        {
            // Organizations counts every character it is given, whitespace included (the console
            // minifies; the CLI and SDKs send the file as it is).
            int size = text.Length;
            if (size <= limit) return;
            context.Report(Definition, root.Span with { Length = 1 }, "",
                $"the policy is {size:N0} characters, {size - limit:N0} over the {limit:N0} allowed for {quota.Describe()}; Organizations counts whitespace too"
                + (withoutWhitespace <= limit ? $", and without it the policy is {withoutWhitespace:N0} characters" : ""),
                withoutWhitespace <= limit ? "minify it before uploading (jq -c . policy.json)" : "split it into several policies or shorten it");
            return;
        }
        if (withoutWhitespace <= limit) return;
        context.Report(Definition, root.Span with { Length = 1 }, "",
            $"the policy is {withoutWhitespace:N0} characters without whitespace, {withoutWhitespace - limit:N0} over the {limit:N0} allowed for {quota.Describe()}",
            "split it into several policies or shorten it");
    }
}
