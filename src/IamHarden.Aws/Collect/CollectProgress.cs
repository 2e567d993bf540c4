namespace IamHarden.Aws;

/// <summary>
/// A progress report from <see cref="SnapshotCollector"/>, enough to draw one progress bar per step. Reports come
/// from worker threads; wrap the handler in <see cref="Progress{T}"/> to receive them on a UI thread.
/// </summary>
/// <param name="Step">The step reporting.</param>
/// <param name="Completed">True when the step has finished.</param>
/// <param name="ItemsDone">Items fetched so far (users, groups and roles for authorization details; devices; pages otherwise).</param>
/// <param name="ItemsExpected">How many items the step expects, when known (from the account summary).</param>
/// <param name="Message">A short description for a status line.</param>
public sealed record CollectProgress(CollectStep Step, bool Completed, int ItemsDone, int? ItemsExpected, string Message);
