namespace IamHarden.Analysis.Prover;

/// <summary>The outcome for one property.</summary>
public enum Verdict
{
    /// <summary>No request violates it (for every action, resource and context).</summary>
    Proved,
    /// <summary>A request violates it; the counterexample was replayed through the evaluator.</summary>
    Refuted,
    /// <summary>Not decided: solver time-out, or a construct the prover does not model. Never a proof.</summary>
    Unknown,
    /// <summary>The solver's counterexample and the evaluator disagree: a bug in IamHarden, reported, never hidden.</summary>
    InternalError,
}
