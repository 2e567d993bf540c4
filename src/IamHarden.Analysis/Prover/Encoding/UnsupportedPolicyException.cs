namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// The policies use a construct the prover does not encode (e.g. a key compared both as an IP
/// address and as a string). The property is then reported as "unknown" with this reason, never
/// as proved.
/// </summary>
public sealed class UnsupportedPolicyException(string message) : Exception(message);
