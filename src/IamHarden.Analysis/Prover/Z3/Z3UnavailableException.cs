namespace IamHarden.Analysis.Prover.Z3;

/// <summary>The Z3 library cannot be loaded. The message says how to install it.</summary>
public sealed class Z3UnavailableException(string message) : Exception(message);
