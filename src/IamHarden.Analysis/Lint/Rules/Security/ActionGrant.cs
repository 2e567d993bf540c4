using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Security;

/// <summary>Which value of a statement grants one sensitive action (iam:PassRole, iam:CreateServiceLinkedRole), directly or by wildcard.</summary>
internal static class ActionGrant
{
    public const string PassRole = "iam:PassRole";
    public const string CreateServiceLinkedRole = "iam:CreateServiceLinkedRole";

    /// <summary>The value (or the NotAction element) through which <paramref name="action"/> is in the statement, with a description for messages; null when it is not.</summary>
    public static (LocatedString Value, string Path, string Description)? GrantedBy(StatementFacts statement, string action)
    {
        var actions = statement.Statement.Actions;
        if (actions.IsNegated)
        {
            if (actions.Values.Any(v => Coverage.ActionCovers(v.Value, action))) return null;
            return (new LocatedString("NotAction", actions.Span), statement.PathOf("NotAction"), "NotAction (which does not exclude it)");
        }
        for (int i = 0; i < actions.Values.Length; i++)
        {
            var value = actions.Values[i];
            if (Coverage.ActionCovers(value.Value, action))
                return (value, statement.ActionPath(i), string.Equals(value.Value, action, StringComparison.OrdinalIgnoreCase) ? "this statement" : $"\"{value.Value}\"");
        }
        return null;
    }
}
