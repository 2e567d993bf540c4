using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Prover.PolicyTests;

/// <summary>How a case ended: as expected, not as expected, or undecided (a solver time-out: never a pass).</summary>
public enum PolicyTestOutcome { Passed, Failed, Error }

/// <summary>The result of one case, with the evaluation or proof result behind it.</summary>
public sealed record PolicyTestResult(PolicyTestCase Case, PolicyTestOutcome Outcome, string Message, TimeSpan Elapsed)
{
    /// <summary>For a request case: the evaluator's decision and reasons.</summary>
    public EvaluationResult? Evaluation { get; init; }

    /// <summary>For a property case: the prover's result (with its counterexample when refuted).</summary>
    public PropertyResult? Proof { get; init; }

    /// <summary>The identity policies, boundary and SCPs the case was decided against (their file names, for replay commands).</summary>
    public PolicySet? Policies { get; init; }
}
