namespace IamHarden.Cli;

/// <summary>
/// Input the user gave cannot be used. The message is complete (file, line, column, what was
/// expected) and is printed as is; the process exits with <see cref="ExitCodes.BadInput"/>.
/// </summary>
public sealed class UserInputException(string message) : Exception(message)
{
    /// <summary>Extra lines printed after the message (e.g. every error of a policy file).</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>True when the message is already a compiler-style line ("file:line:col: error CODE: ...").</summary>
    public bool IsPositioned { get; init; }
}
