using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>LEGACY_VERSION: "Version": "2008-10-17".</summary>
public sealed class LegacyVersionRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "LEGACY_VERSION",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Grammar,
        Title = "Version 2008-10-17 (the legacy policy language)",
        Description = "2008-10-17 is the original policy language. It does not substitute policy variables: ${aws:username} in a Resource or condition value is compared as the literal text \"${aws:username}\", so per-user statements match nothing. Policies copied from old examples often carry it.",
        Fix = "Write \"Version\": \"2012-10-17\"; the rest of the policy stays the same.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        if (context.Document.Version != PolicyVersion.V2008_10_17) return;
        int n = PolicyVariables.Count(context);
        context.Report(Definition, context.Document.VersionSpan, "Version",
            "\"Version\": \"2008-10-17\" is the legacy policy language, which does not substitute policy variables"
            + (n > 0 ? $" (this policy has {n})" : ""),
            "write \"Version\": \"2012-10-17\"");
    }
}
