using IamHarden.Analysis.Lint.Facts;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Rules.Security;

/// <summary>Which value of a statement grants iam:PassRole (directly or by wildcard).</summary>
internal static class PassRole
{
    public const string Action = "iam:PassRole";

    public static (LocatedString Value, string Path, string Description)? GrantedBy(StatementFacts statement)
    {
        var actions = statement.Statement.Actions;
        if (actions.IsNegated)
        {
            if (actions.Values.Any(v => Coverage.ActionCovers(v.Value, Action))) return null;
            return (new LocatedString("NotAction", actions.Span), statement.PathOf("NotAction"), "NotAction (which does not exclude it)");
        }
        for (int i = 0; i < actions.Values.Length; i++)
        {
            var value = actions.Values[i];
            if (Coverage.ActionCovers(value.Value, Action))
                return (value, statement.ActionPath(i), string.Equals(value.Value, Action, StringComparison.OrdinalIgnoreCase) ? "this statement" : $"\"{value.Value}\"");
        }
        return null;
    }
}
