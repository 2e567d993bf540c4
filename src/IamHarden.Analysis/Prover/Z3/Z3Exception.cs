namespace IamHarden.Analysis.Prover.Z3;

/// <summary>Z3 rejected a command (a bug in the encoder, never a property of the policies).</summary>
public sealed class Z3Exception(string message) : Exception(message);
