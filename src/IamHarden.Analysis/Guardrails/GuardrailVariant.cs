namespace IamHarden.Analysis.Guardrails;

/// <summary>Which form of the guide's policies to write.</summary>
public enum GuardrailVariant
{
    /// <summary>Exactly as the guide prints them, traps included (for comparison and tests).</summary>
    Guide,
    /// <summary>The guide's intent with its traps fixed (the default).</summary>
    Recommended,
}
