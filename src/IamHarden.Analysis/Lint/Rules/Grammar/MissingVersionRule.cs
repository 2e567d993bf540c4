using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Grammar;

/// <summary>MISSING_VERSION: the policy has no Version element, so it is read in the 2008-10-17 language.</summary>
public sealed class MissingVersionRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "MISSING_VERSION",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Grammar,
        Title = "The policy has no Version",
        Description = "Without a Version element AWS reads the policy in the legacy 2008-10-17 language: policy variables such as ${aws:username} are not substituted but compared as literal text, and newer features may not apply. The policy is accepted, which is what makes this easy to miss.",
        Fix = "Add \"Version\": \"2012-10-17\" as the first element of the policy.",
        AccessAnalyzerCode = "MISSING_VERSION",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        if (context.Document.Version != PolicyVersion.Missing || context.Document.Syntax is not { } root) return;
        // A Version that is there but wrong is INVALID_VERSION, not a missing one.
        if (root.Members.Any(m => m.Name == "Version")) return;
        // The policy object's opening brace: point at the start, not at the whole document.
        var span = root.Span with { Length = 1 };
        var message = "the policy has no \"Version\", so AWS reads it in the 2008-10-17 language";
        message += PolicyVariables.Count(context) is var n and > 0
            ? $", where its {n} policy variable{(n == 1 ? "" : "s")} (${{...}}) are literal text, not substituted"
            : ", in which policy variables are literal text";
        context.Report(Definition, span, "", message, "add \"Version\": \"2012-10-17\"");
    }
}
