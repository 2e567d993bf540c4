namespace IamHarden.Analysis.Prover.PolicyTests;

/// <summary>A policy test file (or a policy it names) cannot be used; the message starts with file:line:column.</summary>
public sealed class PolicyTestFileException(string message) : Exception(message)
{
    /// <summary>Further positioned errors (every grammar error of a policy file).</summary>
    public IReadOnlyList<string> Details { get; init; } = [];
}
