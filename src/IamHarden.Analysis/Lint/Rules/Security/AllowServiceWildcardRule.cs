using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Security;

/// <summary>ALLOW_SERVICE_WILDCARD: "service:*" in an Allow on all resources.</summary>
public sealed class AllowServiceWildcardRule : LintRule
{
    /// <summary>Services whose full access is access to identities, credentials or the organization itself.</summary>
    private static readonly HashSet<string> IdentityServices = new(StringComparer.OrdinalIgnoreCase) { "iam", "sts", "organizations", "sso", "identitystore", "kms", "account" };

    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "ALLOW_SERVICE_WILDCARD",
        Severity = DiagnosticSeverity.SecurityWarning,
        Category = LintCategory.Security,
        Title = "Allow of every action of a service on every resource (\"iam:*\")",
        Description = "\"service:*\" on \"Resource\": \"*\" grants every current and future action of the service on all its resources, including the ones that delete data or change permissions. For iam, sts, organizations and kms that is a path to administrator access.",
        Fix = "List the actions needed (or an access-level wildcard such as \"s3:Get*\"), or scope Resource to the resources the identity works on.",
    };

    public override LintRuleInfo Info => Definition;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (!statement.IsAllow || statement.Statement.Actions.IsNegated || !statement.IsUnscopedByResource) continue;
            for (int i = 0; i < statement.Actions.Length; i++)
            {
                var action = statement.Actions[i];
                if (action.ServicePrefix is not { } prefix || action.Text.Length != prefix.Length + 2 || !action.Text.EndsWith(":*", StringComparison.Ordinal)) continue;
                var why = IdentityServices.Contains(prefix) ? $"; {prefix}:* can be used to obtain further permissions" : "";
                context.Report(Definition, action.Value.Span, statement.ActionPath(i),
                    $"\"{action.Text}\" grants all {action.Matches.Length} actions of {prefix} (and any added later) on every resource{why}");
            }
        }
    }
}
