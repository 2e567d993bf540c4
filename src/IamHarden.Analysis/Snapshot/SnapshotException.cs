namespace IamHarden.Analysis.Snapshot;

/// <summary>A snapshot file is missing or broken. The message names the file, the line and how to produce or fix it.</summary>
public sealed class SnapshotException(string message) : Exception(message);
