namespace IamHarden.Aws.Apply;

/// <summary>A journal file cannot be used (missing, not a journal, a broken line); the message names the file and line.</summary>
public sealed class JournalException(string message) : Exception(message);
