using IamHarden.Analysis.Prover.Properties;

namespace IamHarden.Analysis.Prover;

/// <summary>The verdict for one property, its counterexample when refuted, and why when unknown or wrong.</summary>
public sealed record PropertyResult(VerificationProperty Property, Verdict Verdict, ProverCounterexample? Counterexample, string? Reason, TimeSpan Elapsed)
{
    public bool Holds => Verdict == Verdict.Proved;
}
