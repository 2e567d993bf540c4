namespace IamHarden.Analysis.Guardrails;

/// <summary>The guardrails cannot be written as asked (bad CIDR, policy too large, ...). The message says what to change.</summary>
public sealed class GuardrailException(string message) : Exception(message);
