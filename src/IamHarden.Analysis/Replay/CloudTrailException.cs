namespace IamHarden.Analysis.Replay;

/// <summary>A CloudTrail file cannot be read; the message names the file, line and column and what was expected.</summary>
public sealed class CloudTrailException(string message) : Exception(message);
