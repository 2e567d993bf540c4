namespace IamHarden.Analysis.Prover;

/// <summary>An input to the prover (a pinned context value, a property argument) cannot be used; the message says why.</summary>
public sealed class ProverInputException(string message) : Exception(message);
