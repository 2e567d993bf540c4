namespace IamHarden.Aws.Apply;

/// <summary>Where a journalled change got to.</summary>
public enum ChangeStatus
{
    /// <summary>Written as intended; the call may or may not have reached AWS (the process stopped).</summary>
    Intended,
    /// <summary>Made.</summary>
    Done,
    /// <summary>The call failed; it may still have taken effect (an answer lost after AWS acted), so undo checks.</summary>
    Failed,
}

/// <summary>One change of an apply as the journal records it, with its undo so far.</summary>
public sealed record JournalEntry(int Seq, PlannedChange Change)
{
    public ChangeStatus Status { get; set; } = ChangeStatus.Intended;

    /// <summary>The version CreatePolicyVersion (or the undo of a deletion) created.</summary>
    public string? CreatedVersionId { get; set; }

    /// <summary>The last undo result, or null when no undo finished.</summary>
    public UndoStatus? Undo { get; set; }

    /// <summary>The message of the last undo result.</summary>
    public string? UndoMessage { get; set; }

    /// <summary>True when the change is (or may be) in the account: made or possibly made, and not undone or deliberately left.</summary>
    public bool NeedsUndo => Undo is not (UndoStatus.Undone or UndoStatus.Skipped);
}
