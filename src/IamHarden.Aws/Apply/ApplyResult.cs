namespace IamHarden.Aws.Apply;

/// <summary>How an apply (or a rollback) ended, i.e. in what state it left the account.</summary>
public enum ApplyResult
{
    /// <summary>Every change was made: the account is in the desired state.</summary>
    Applied,
    /// <summary>Every change that was made has been undone: the account is as before the apply.</summary>
    RolledBack,
    /// <summary>Some changes could not be undone: the outcome lists which remain in the account.</summary>
    PartiallyRolledBack,
}

/// <summary>How an undo step ended.</summary>
public enum UndoStatus
{
    /// <summary>The change is no longer in the account (undone now, or it never took effect).</summary>
    Undone,
    /// <summary>The undo failed; the change remains.</summary>
    Failed,
    /// <summary>Left alone on purpose (changed by someone else since, or not made by this apply); the message says why.</summary>
    Skipped,
}

public static class ApplyResultNames
{
    public static string JsonName(this ApplyResult result) => result switch
    {
        ApplyResult.Applied => "applied",
        ApplyResult.RolledBack => "rolled-back",
        _ => "partially-rolled-back",
    };
}
