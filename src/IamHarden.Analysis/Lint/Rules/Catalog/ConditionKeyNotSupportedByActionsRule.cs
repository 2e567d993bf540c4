using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Catalog;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Catalog;

/// <summary>CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS: a service condition key that none of the statement's actions sets.</summary>
public sealed class ConditionKeyNotSupportedByActionsRule : LintRule
{
    public static LintRuleInfo Definition { get; } = new()
    {
        Code = "CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS",
        Severity = DiagnosticSeverity.Warning,
        Category = LintCategory.Catalog,
        Title = "A service condition key that none of the statement's actions supports",
        Description = "Service condition keys are present only in requests for the actions that support them: s3:prefix only for s3:ListBucket and its kin, ec2:InstanceType only for EC2 actions. When no action of the statement supports the key, it is never present: a positive condition makes an Allow grant nothing, a negated one or ...IfExists makes the condition always true.",
        Fix = "Use a key the actions support (the Service Authorization Reference lists them per action), or move the condition to a statement with the actions it was meant for.",
    };

    public override LintRuleInfo Info => Definition;

    /// <summary>Above this many listed actions only the cheap service-level test runs (long lists are AWS's broad read-only policies).</summary>
    private const int ActionLevelLimit = 50;

    public override void Check(LintContext context)
    {
        foreach (var statement in context.Statements)
        {
            if (statement.Statement.Actions.IsNegated || statement.CoversEverything || !statement.HasConditions) continue;
            if (statement.Actions.Any(a => a.Matches.IsEmpty)) continue;
            ServiceDefinition[]? services = null;
            foreach (var condition in statement.Statement.Conditions)
            {
                var key = condition.Key.Value;
                if (ConditionKeys.IsGlobalPrefix(key) || ConditionKeys.IsUncheckable(key)) continue;
                if (ConditionKeys.Find(context.Catalog, key) is not { IsGlobal: false } definition) continue;
                services ??= [.. statement.Actions.SelectMany(a => a.Matches).Select(a => a.Service).Distinct()];
                string? which = null;
                if (!services.Any(s => ActionConditionSupport.Has(s.ConditionKeys, definition)))
                    which = services.Length == 1 ? $"any {services[0].Prefix} action" : $"any action of {string.Join(", ", services.Take(4).Select(s => s.Prefix))}{(services.Length > 4 ? ", ..." : "")}";
                else if (statement.Actions.Length <= ActionLevelLimit)
                {
                    var actions = statement.Actions.SelectMany(a => a.Matches).Distinct().ToList();
                    if (!actions.Any(a => ActionConditionSupport.Supports(a, definition)))
                        which = actions.Count == 1 ? actions[0].FullName : $"any of the statement's {actions.Count} actions";
                }
                if (which is null) continue;
                context.Report(Definition, condition.Key.Span, condition.JsonPath,
                    $"\"{key}\" is not set in requests for {which}, so this condition never sees a value");
            }
        }
    }
}
