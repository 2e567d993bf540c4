using IamHarden.Aws.Apply;

namespace IamHarden.Cli.Rendering;

/// <summary>plan for people: who runs it, each change in order with why and whom it affects, and the lockout guard's verdict.</summary>
public static class PlanTextRenderer
{
    /// <summary>Users named per change before the rest are counted.</summary>
    private const int UsersShown = 15;

    public static string Render(PreparedApply prepared)
    {
        var text = new StringWriter();
        var caller = prepared.Caller;
        text.WriteLine($"Account {prepared.State.AccountId}, as {caller.Identity.Arn} ({caller.DescribeCredentials})");
        text.WriteLine();
        if (prepared.IsEmpty) text.WriteLine("No changes: the account is already in the desired state.");
        else
        {
            text.WriteLine($"{prepared.Changes.Count} {(prepared.Changes.Count == 1 ? "change" : "changes")}, in the order apply makes them:");
            int n = 0;
            foreach (var change in prepared.Changes)
            {
                text.WriteLine($"  {++n,2}. {change.Summary}");
                text.WriteLine($"      {change.Target}");
                text.WriteLine($"      why: {change.Reason}");
                if (change.Users.Count > 0)
                {
                    var names = string.Join(", ", change.Users.Take(UsersShown).Select(u => u.Name));
                    var more = change.Users.Count > UsersShown ? $" and {change.Users.Count - UsersShown} more" : "";
                    text.WriteLine($"      affects {change.Users.Count} {(change.Users.Count == 1 ? "user" : "users")}: {names}{more}");
                }
                else if (change.Action is ChangeAction.AttachGroupPolicy or ChangeAction.DetachGroupPolicy or ChangeAction.CreatePolicyVersion or ChangeAction.SetDefaultPolicyVersion)
                    text.WriteLine("      affects no user (nobody holds it through this change)");
            }
        }
        text.WriteLine();
        var verdict = prepared.Verdict;
        if (verdict.IsSafe) text.WriteLine("Lockout guard: no problem found.");
        else
        {
            text.WriteLine($"Lockout guard: apply would REFUSE ({verdict.Problems.Count} {(verdict.Problems.Count == 1 ? "problem" : "problems")}; --i-understand-lockout overrides):");
            foreach (var problem in verdict.Problems) text.WriteLine($"  x [{problem.Code}] {problem.Message}");
        }
        foreach (var notice in verdict.Notices) text.WriteLine($"  - {notice}");
        return text.ToString();
    }
}
